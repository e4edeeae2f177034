import Foundation

/// An API key as listed: never the secret itself, which is shown once when the key is made.
public struct APIKey: Sendable, Codable, Hashable {
    /// The key's ID, used to revoke or rotate it.
    public var id: String
    /// What the key is for, such as `nightly pipeline`.
    public var name: String
    /// The first characters of the secret (`plx_3f9a…`), to tell keys apart.
    public var prefix: String
    /// What the key may do.
    public var scopes: [APIScope]
    /// Whether this is an operator key, which may also create accounts.
    public var isOperator: Bool
    /// When the key was made.
    public var createdAt: Date
    /// When the key was last used, to the minute; `nil` if never.
    public var lastUsedAt: Date?
    /// When the key stops working (set when it is rotated); `nil` if never.
    public var expiresAt: Date?

    /// Creates a key description.
    public init(
        id: String, name: String, prefix: String, scopes: [APIScope], isOperator: Bool, createdAt: Date,
        lastUsedAt: Date? = nil, expiresAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.scopes = scopes
        self.isOperator = isOperator
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
    }
}

/// A key just made (by `POST /api/v1/keys` or a rotation) with its secret, shown only this once.
public struct APIKeyCreated: Sendable, Codable, Hashable {
    /// The new key.
    public var key: APIKey
    /// The secret to send as `Authorization: Bearer …`; the server keeps only its hash.
    public var apiKey: String
    /// For a rotation: the key it replaces, which keeps working until its `expiresAt`.
    public var replaced: APIKey?

    /// Creates a reply.
    public init(key: APIKey, apiKey: String, replaced: APIKey? = nil) {
        self.key = key
        self.apiKey = apiKey
        self.replaced = replaced
    }
}
