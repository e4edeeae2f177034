/// The reply to `POST /api/v1/accounts`: the account and its first API key, shown only this once.
public struct AccountCreated: Sendable, Codable, Hashable {
    /// The new account.
    public var account: Account
    /// An API key of the new account; the server keeps only its hash.
    public var apiKey: String

    /// Creates a reply.
    public init(account: Account, apiKey: String) {
        self.account = account
        self.apiKey = apiKey
    }
}
