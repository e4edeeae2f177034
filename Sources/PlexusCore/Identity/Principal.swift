/// Who is making a request: the account an API key belongs to, what the key may do, and the
/// account's request limit.
public struct Principal: Sendable, Hashable {
    /// The account the key belongs to; all data access is scoped to it.
    public var accountID: Identifier<Account>
    /// Operator keys (the first key of a new server) may also create accounts and read any
    /// account's profile.
    public var isAdmin: Bool
    /// The ID of the key (``APIKey/id``), which rate limits and tokens refer to; `nil` for a
    /// principal made in-process (tests, GraphQL called directly).
    public var keyID: String?
    /// What the key, or the token made from it, may do.
    public var scopes: Set<APIScope>
    /// The account's own request limit, or `nil` for the server's default.
    public var rateLimit: RateLimit?

    /// Creates a principal; by default with every scope, as the account's owner has.
    public init(accountID: Identifier<Account>, isAdmin: Bool, keyID: String? = nil, scopes: Set<APIScope> = [.admin], rateLimit: RateLimit? = nil) {
        self.accountID = accountID
        self.isAdmin = isAdmin
        self.keyID = keyID
        self.scopes = scopes
        self.rateLimit = rateLimit
    }
}
