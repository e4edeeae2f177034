import PlexusCore
import PlexusScoring

/// The outcome of an evaluation run: one evaluation record and tally per score.
public struct EvaluationReport: Sendable {
    /// One score's evaluation.
    public struct ScoreReport: Sendable {
        /// The evaluation record on the server.
        public var evaluationID: Identifier<Evaluation>
        /// Its confusion matrix, metrics, cost and predictions.
        public var tally: ScoreTally
        /// The classifier type that produced the predictions.
        public var classifierType: String
    }

    /// The scorecard evaluated.
    public var scorecardKey: String
    /// The scorecard version evaluated.
    public var version: Int
    /// Labelled items evaluated.
    public var items: Int
    /// Per-score results, in scorecard order.
    public var scores: [ScoreReport]
    /// The run's totals (items, failures, cost).
    public var progress: ScoringProgress
    /// Scores left out because no item had a label for them.
    public var unlabelledScores: [String]
}
