import PlexusCore

/// What a run stores with each result, the same whether the CLI sends it over HTTP or a server job
/// writes it to the store: its metadata (detail, usage and, in evaluations, the human label) and
/// an idempotency key that names the run, so a retried or resumed run never stores it twice.
public struct StoredResultFields: Sendable, Hashable {
    /// The classification stored.
    public let classification: Classification
    /// The result's metadata; evaluation results carry `trueValue` and `correct`.
    public let metadata: JSONValue
    /// `<scorecard>/v<version>/<score>/<item>`, or `<scorecard>/eval-<evaluation>/<score>/<item>`.
    public let idempotencyKey: String

    /// The fields of `score`'s result for `outcome`'s item, or `nil` when the classifier failed
    /// (nothing is stored, so a resumed run tries again). `evaluation` is the evaluation the result
    /// belongs to, if any.
    public init?(score: ScoreOutcome, of outcome: ItemOutcome, scorecard: String, version: Int, evaluation: String?) {
        guard let classification = score.classification else { return nil }
        var metadata = classification.resultMetadata
        if evaluation != nil, let label = outcome.labels[score.scoreKey] {
            metadata["trueValue"] = .string(label)
            metadata["correct"] = .bool(label == classification.value)
        }
        let run = evaluation.map { "eval-\($0)" } ?? "v\(version)"
        self.classification = classification
        self.metadata = .object(metadata)
        idempotencyKey = "\(scorecard)/\(run)/\(score.scoreKey)/\(outcome.item.id)"
    }
}
