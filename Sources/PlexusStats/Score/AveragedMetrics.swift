/// Precision, recall, specificity and F1 averaged over labels in one of scikit-learn's ways.
///
/// - **Macro**: the plain mean of the per-label scores; every label counts once, including a
///   label that never occurs (whose scores are 0).
/// - **Micro**: the scores of the one-vs-rest tables summed over labels. Precision, recall and
///   F1 then all equal the accuracy when ``ConfusionMatrix/labels`` covers every item.
/// - **Weighted**: the mean of the per-label scores weighted by support (items with the label),
///   as `average='weighted'`; specificity is averaged with the same weights.
///
/// An average over no labels, or a weighted average with zero total support, is 0.
public struct AveragedMetrics: Sendable, Hashable, Codable {
    /// Averaged precision.
    public var precision: Double
    /// Averaged recall (sensitivity).
    public var recall: Double
    /// Averaged specificity.
    public var specificity: Double
    /// Averaged F1 (for macro and weighted, the average of per-label F1, not the F1 of averages).
    public var f1: Double

    /// Creates a record of averaged scores.
    public init(precision: Double, recall: Double, specificity: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.specificity = specificity
        self.f1 = f1
    }

    /// The unweighted mean of each score over `classes`.
    static func macro(_ classes: [ClassMetrics]) -> AveragedMetrics {
        weightedMean(classes) { _ in 1 }
    }

    /// The mean of each score over `classes`, weighted by support.
    static func weighted(_ classes: [ClassMetrics]) -> AveragedMetrics {
        weightedMean(classes) { Double($0.support) }
    }

    /// The scores of the summed one-vs-rest tables.
    static func micro(_ tables: [OneVsRest]) -> AveragedMetrics {
        let sum = tables.reduce(OneVsRest.zero, +)
        return AveragedMetrics(precision: sum.precision, recall: sum.recall, specificity: sum.specificity, f1: sum.f1)
    }

    /// Σ wᵢ·scoreᵢ / Σ wᵢ for each score, or 0 when the weights sum to 0.
    private static func weightedMean(_ classes: [ClassMetrics], weight: (ClassMetrics) -> Double) -> AveragedMetrics {
        var sums = AveragedMetrics(precision: 0, recall: 0, specificity: 0, f1: 0)
        var totalWeight = 0.0
        for metrics in classes {
            let w = weight(metrics)
            sums.precision += w * metrics.precision
            sums.recall += w * metrics.recall
            sums.specificity += w * metrics.specificity
            sums.f1 += w * metrics.f1
            totalWeight += w
        }
        return AveragedMetrics(
            precision: ratioOrZero(sums.precision, totalWeight),
            recall: ratioOrZero(sums.recall, totalWeight),
            specificity: ratioOrZero(sums.specificity, totalWeight),
            f1: ratioOrZero(sums.f1, totalWeight)
        )
    }
}
