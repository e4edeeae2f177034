import PlexusCore

extension GraphQLResolver {
    /// `getAccount(id:)`: the account with this ID or key; a non-admin caller sees only its own.
    func getAccount(context: GraphQLContext, arguments: IDArguments) async throws -> Account? {
        guard let account = try await store.account(arguments.id.rawValue) else { return nil }
        return context.principal.isAdmin || account.id == context.accountID ? account : nil
    }
}
