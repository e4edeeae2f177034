/// The arguments of a lookup by ID, such as `getScoreResult(id:)`.
struct IDArguments: Decodable, Sendable {
    /// The ID to look up.
    let id: ID
}
