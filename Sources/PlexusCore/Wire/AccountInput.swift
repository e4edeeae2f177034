/// The body of `POST /api/v1/accounts`.
public struct AccountInput: Sendable, Codable, Hashable {
    /// A unique key such as `acme-qa`.
    public var key: String
    /// The display name.
    public var name: String

    /// Creates an account body.
    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }
}
