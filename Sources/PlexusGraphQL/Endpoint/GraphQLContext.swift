import PlexusCore

/// What every resolver knows about the request: who is calling.
struct GraphQLContext: Sendable {
    /// The caller; every read and write is scoped to its account.
    let principal: Principal

    /// The account all data access is scoped to.
    var accountID: Identifier<Account> { principal.accountID }
}
