/// The answer of `POST /api/v1/scorecards/{idOrKey}/scored-items`.
public struct ScoredItems: Sendable, Codable, Hashable {
    /// The external IDs, of those asked about, that have a result for every listed score.
    public var scored: [String]

    /// Creates an answer.
    public init(scored: [String]) {
        self.scored = scored
    }
}
