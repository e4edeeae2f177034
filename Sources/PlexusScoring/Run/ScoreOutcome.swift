/// What happened to one score of one item: a classification (possibly SKIPPED) or a failure.
public struct ScoreOutcome: Sendable, Hashable {
    /// The score's key.
    public var scoreKey: String
    /// The classification, or why the classifier failed (failed scores store nothing, so a resumed run retries them).
    public var result: Result<Classification, ScoringFailure>
    /// Wall-clock seconds the classifier took.
    public var latency: Double

    /// Creates an outcome.
    public init(scoreKey: String, result: Result<Classification, ScoringFailure>, latency: Double) {
        self.scoreKey = scoreKey
        self.result = result
        self.latency = latency
    }

    /// The classification when there is one.
    public var classification: Classification? { try? result.get() }
}
