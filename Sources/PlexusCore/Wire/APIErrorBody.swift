/// The body of every error response: `{"error":{"code","message","field"}}`.
public struct APIErrorBody: Sendable, Codable, Hashable {
    /// The error itself.
    public struct Detail: Sendable, Codable, Hashable {
        /// A short machine-readable code such as `invalid_value`, `not_found` or `unauthorized`.
        public var code: String
        /// What went wrong and what to do about it.
        public var message: String
        /// The path of the offending field, such as `scoreResults[3].confidence`, when there is one.
        public var field: String?

        /// Creates a detail.
        public init(code: String, message: String, field: String?) {
            self.code = code
            self.message = message
            self.field = field
        }

        /// Encodes `field` as an explicit null when absent, so every error has the same three keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
        }
    }

    /// The error.
    public var error: Detail

    /// Creates an error body.
    public init(code: String, message: String, field: String?) {
        error = Detail(code: code, message: message, field: field)
    }
}
