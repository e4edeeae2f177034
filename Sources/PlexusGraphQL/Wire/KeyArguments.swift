/// The arguments of a lookup by key, such as `getScorecard(key:)`.
struct KeyArguments: Decodable, Sendable {
    /// The key to look up.
    let key: String
}
