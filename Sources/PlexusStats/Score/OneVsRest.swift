/// One label's 2×2 table against all the others, as in scikit-learn's `multilabel_confusion_matrix`.
struct OneVsRest: Sendable {
    /// Items of this label predicted as this label.
    var truePositives: Int
    /// Items of another label predicted as this label.
    var falsePositives: Int
    /// Items of this label predicted as another label.
    var falseNegatives: Int
    /// Items of another label predicted as another label.
    var trueNegatives: Int

    /// Adds two tables cell by cell (for micro averages).
    static func + (lhs: OneVsRest, rhs: OneVsRest) -> OneVsRest {
        OneVsRest(
            truePositives: lhs.truePositives + rhs.truePositives,
            falsePositives: lhs.falsePositives + rhs.falsePositives,
            falseNegatives: lhs.falseNegatives + rhs.falseNegatives,
            trueNegatives: lhs.trueNegatives + rhs.trueNegatives
        )
    }

    /// The all-zero table.
    static let zero = OneVsRest(truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0)

    /// tp / (tp + fp); 0 when nothing was predicted as this label.
    var precision: Double { ratioOrZero(truePositives, truePositives + falsePositives) }

    /// tp / (tp + fn); 0 when the label never occurs.
    var recall: Double { ratioOrZero(truePositives, truePositives + falseNegatives) }

    /// tn / (tn + fp); 0 when every item has this label.
    var specificity: Double { ratioOrZero(trueNegatives, trueNegatives + falsePositives) }

    /// 2tp / (2tp + fp + fn), which equals 2PR / (P + R); 0 when tp = 0.
    ///
    /// This is the form scikit-learn ≥ 1.3 computes, so results agree to the last bits.
    var f1: Double { ratioOrZero(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
}
