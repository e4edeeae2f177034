/// A GraphQL `ID`: how Plexus's string identifiers appear in the schema, so that clients can
/// declare variables as `$id: ID!` the way Amplify-style clients do.
struct ID: Codable, Sendable, Hashable {
    /// The identifier's string form.
    let rawValue: String

    /// Wraps a string identifier.
    init(_ rawValue: String) { self.rawValue = rawValue }

    /// Decodes the identifier from a plain string.
    init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a plain string.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
