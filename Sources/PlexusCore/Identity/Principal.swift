/// Who is making a request: the account an API key belongs to, and whether that key is an admin key.
public struct Principal: Sendable, Hashable {
    /// The account the key belongs to; all data access is scoped to it.
    public var accountID: Identifier<Account>
    /// Admin keys may also create accounts and read any account's profile.
    public var isAdmin: Bool

    /// Creates a principal.
    public init(accountID: Identifier<Account>, isAdmin: Bool) {
        self.accountID = accountID
        self.isAdmin = isAdmin
    }
}
