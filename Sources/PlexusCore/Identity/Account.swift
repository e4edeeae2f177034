import Foundation

/// A tenant of Plexus: every scorecard, item, result and evaluation belongs to exactly one account.
public struct Account: Sendable, Codable, Hashable {
    /// The account's unique ID.
    public var id: Identifier<Account>
    /// A short, unique, human-friendly key such as `default` or `acme-qa`.
    public var key: String
    /// The display name.
    public var name: String
    /// When the account was created.
    public var createdAt: Date
    /// The request limit of each of the account's keys; `nil` for the server's default.
    public var rateLimit: RateLimit?

    /// Creates an account value.
    public init(id: Identifier<Account>, key: String, name: String, createdAt: Date, rateLimit: RateLimit? = nil) {
        self.id = id
        self.key = key
        self.name = name
        self.createdAt = createdAt
        self.rateLimit = rateLimit
    }
}
