import PlexusStats

/// How a trained model did on the texts held out from training, and how many texts each part had.
public struct HeldOutEvaluation: Sendable, Hashable, Codable {
    /// Texts the model was trained on.
    public var trainingCount: Int
    /// Texts held out for evaluation (and calibration).
    public var heldOutCount: Int
    /// Labelled texts per class, before the split.
    public var classCounts: [String: Int]
    /// Scores on the held-out texts; `nil` when nothing was held out.
    public var metrics: ClassificationMetrics?
    /// Mean negative log-likelihood of the held-out labels under the (calibrated) probabilities; `nil` when nothing was held out.
    public var logLoss: Double?

    /// Creates an evaluation record.
    public init(trainingCount: Int, heldOutCount: Int, classCounts: [String: Int], metrics: ClassificationMetrics?, logLoss: Double?) {
        self.trainingCount = trainingCount
        self.heldOutCount = heldOutCount
        self.classCounts = classCounts
        self.metrics = metrics
        self.logLoss = logLoss
    }

    private enum CodingKeys: String, CodingKey {
        case metrics
        case trainingCount = "training_count"
        case heldOutCount = "held_out_count"
        case classCounts = "class_counts"
        case logLoss = "log_loss"
    }
}
