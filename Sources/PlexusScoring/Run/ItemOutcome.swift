/// Everything a scorecard produced for one item, in dependency order, with the item's human labels.
public struct ItemOutcome: Sendable, Hashable {
    /// The item scored.
    public var item: ScoringItem
    /// Human labels by score key (empty for plain scoring runs).
    public var labels: [String: String]
    /// One outcome per score that ran (or was skipped).
    public var scores: [ScoreOutcome]

    /// Creates an item outcome.
    public init(item: ScoringItem, labels: [String: String] = [:], scores: [ScoreOutcome]) {
        self.item = item
        self.labels = labels
        self.scores = scores
    }

    /// The failures among the outcomes.
    public var failures: [ScoringFailure] {
        scores.compactMap { if case .failure(let failure) = $0.result { failure } else { nil } }
    }
}
