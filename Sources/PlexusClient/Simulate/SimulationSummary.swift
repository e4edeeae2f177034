import PlexusCore
import PlexusScoring

/// What a finished simulation produced.
public struct SimulationSummary: Sendable, Equatable {
    /// The evaluation as the server holds it at the end, status COMPLETED.
    public var evaluation: Evaluation
    /// The final metrics.
    public var metrics: EvaluationMetrics

    /// Creates a summary.
    public init(evaluation: Evaluation, metrics: EvaluationMetrics) {
        self.evaluation = evaluation
        self.metrics = metrics
    }

    /// The evaluation's ID.
    public var evaluationID: Identifier<Evaluation> { evaluation.id }
}
