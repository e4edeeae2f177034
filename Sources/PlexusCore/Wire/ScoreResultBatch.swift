/// The body of `POST /api/v1/score-results/batch`.
public struct ScoreResultBatch: Sendable, Codable, Hashable {
    /// The results, at most 10,000.
    public var scoreResults: [ScoreResultInput]

    /// Creates a batch body.
    public init(scoreResults: [ScoreResultInput]) {
        self.scoreResults = scoreResults
    }
}
