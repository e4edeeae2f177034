/// A key and a string value: an MLflow param or tag.
public struct MLflowKeyValue: Sendable, Hashable, Codable {
    /// The key.
    public var key: String
    /// The value.
    public var value: String

    /// A key-value pair.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
