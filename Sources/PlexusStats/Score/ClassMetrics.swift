/// One label's scores when it is treated as the positive class and every other label as negative.
///
/// A ratio whose denominator is 0 is 0, as with scikit-learn's `zero_division=0`: precision when
/// nothing was predicted as the label, recall when the label never occurs, specificity when
/// every item has the label, and F1 when precision + recall = 0.
public struct ClassMetrics: Sendable, Hashable, Codable {
    /// The label these scores are for.
    public var label: String
    /// Of the items predicted as this label, the fraction that have it: tp / (tp + fp).
    public var precision: Double
    /// Of the items that have this label, the fraction predicted as it: tp / (tp + fn).
    public var recall: Double
    /// Of the items without this label, the fraction predicted as something else: tn / (tn + fp).
    public var specificity: Double
    /// The harmonic mean of precision and recall: 2tp / (2tp + fp + fn).
    public var f1: Double
    /// The number of items that have this label.
    public var support: Int

    /// Creates a record of one label's scores.
    public init(label: String, precision: Double, recall: Double, specificity: Double, f1: Double, support: Int) {
        self.label = label
        self.precision = precision
        self.recall = recall
        self.specificity = specificity
        self.f1 = f1
        self.support = support
    }

    /// Scores the one-vs-rest table of `label`.
    init(label: String, table: OneVsRest) {
        self.init(
            label: label,
            precision: table.precision,
            recall: table.recall,
            specificity: table.specificity,
            f1: table.f1,
            support: table.truePositives + table.falseNegatives
        )
    }

    /// The same as ``recall``: the true-positive rate.
    public var sensitivity: Double { recall }
}
