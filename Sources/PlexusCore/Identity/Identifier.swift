/// A typed identifier: a string ID that cannot be confused with the ID of another kind of entity.
///
/// `Identifier<Account>` and `Identifier<Scorecard>` are different types even though both wrap
/// a string, so passing a scorecard ID where an account ID is expected does not compile.
public struct Identifier<Entity>: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier's string form, as stored and sent over the wire.
    public let rawValue: String

    /// Wraps an existing string identifier.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an existing string identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The identifier's string form.
    public var description: String { rawValue }

    /// Decodes the identifier from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
