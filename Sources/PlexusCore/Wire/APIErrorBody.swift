/// The body of every error response: `{"error":{"code","message","field"}}`, plus `details` when
/// one request has several problems (such as every diagnostic of an invalid scorecard source).
public struct APIErrorBody: Sendable, Codable, Hashable {
    /// One of several problems, located in the request's content.
    public struct Diagnostic: Sendable, Codable, Hashable {
        /// The 1-based line in the source, when known.
        public var line: Int?
        /// The 1-based column in the source, when known.
        public var column: Int?
        /// The path of the offending value, such as `scores[1].classes`.
        public var path: String
        /// What is wrong and what to do.
        public var message: String

        /// Creates a diagnostic.
        public init(line: Int?, column: Int?, path: String, message: String) {
            self.line = line
            self.column = column
            self.path = path
            self.message = message
        }
    }

    /// The error itself.
    public struct Detail: Sendable, Codable, Hashable {
        /// A short machine-readable code such as `invalid_value`, `not_found` or `unauthorized`.
        public var code: String
        /// What went wrong and what to do about it.
        public var message: String
        /// The path of the offending field, such as `scoreResults[3].confidence`, when there is one.
        public var field: String?
        /// Every problem found, when there are several; absent otherwise.
        public var details: [Diagnostic]?

        /// Creates a detail.
        public init(code: String, message: String, field: String?, details: [Diagnostic]? = nil) {
            self.code = code
            self.message = message
            self.field = field
            self.details = details
        }

        /// Encodes `field` as an explicit null when absent, so every error has the same three keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
            try container.encodeIfPresent(details, forKey: .details)
        }
    }

    /// The error.
    public var error: Detail

    /// Creates an error body.
    public init(code: String, message: String, field: String?, details: [Diagnostic]? = nil) {
        error = Detail(code: code, message: message, field: field, details: details)
    }
}
