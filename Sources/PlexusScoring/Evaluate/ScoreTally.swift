import PlexusStats

/// The running evaluation of one score: its confusion matrix against human labels, what it cost,
/// and each item's prediction (kept so two runs can be compared item by item).
public struct ScoreTally: Sendable {
    /// The score evaluated.
    public let score: ScoreDefinition
    /// Rows are human labels, columns predictions; starts with the score's classes.
    public private(set) var matrix: ConfusionMatrix
    /// Items with a label and a real prediction.
    public private(set) var compared = 0
    /// Items left out: no label, SKIPPED, or a classifier failure.
    public private(set) var leftOut = 0
    /// Tokens and money spent.
    public private(set) var usage = Usage()
    /// Seconds spent in the classifier, summed.
    public private(set) var totalLatency: Double = 0
    /// Each compared item's label and prediction, in the order recorded.
    public private(set) var predictions: [ItemPrediction] = []

    /// Starts an empty tally for `score`.
    public init(score: ScoreDefinition) {
        self.score = score
        matrix = (try? ConfusionMatrix(labels: score.classes)) ?? ConfusionMatrix()
    }

    /// The class whose precision, recall and F1 are reported.
    public var positiveClass: String { score.positiveClass ?? score.classes[0] }

    /// The metrics so far.
    public var metrics: EvaluationMetrics { EvaluationMetrics(matrix, positiveClass: positiveClass) }

    /// Adds one item's outcome for this score, given its human label (if any).
    public mutating func record(itemID: String, label: String?, outcome: ScoreOutcome) {
        if case .success(let classification) = outcome.result {
            usage = usage + classification.usage
            totalLatency += outcome.latency
            if let label, !classification.isSkipped {
                matrix.record(actual: label, predicted: classification.value)
                predictions.append(ItemPrediction(itemID: itemID, label: label, predicted: classification.value))
                compared += 1
                return
            }
        }
        leftOut += 1
    }
}
