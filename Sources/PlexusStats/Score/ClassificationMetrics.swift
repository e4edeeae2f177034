/// Every classification score of a ``ConfusionMatrix``, computed once in O(labels²).
///
/// Values match scikit-learn 1.9 (and irrCAC for Gwet's AC1) to within 1e-12; the reference
/// script is `scripts/reference/metrics_fixtures.py`.
///
/// ## Undefined cases
/// Every score is a finite number, so results encode to JSON:
/// - A ratio with a zero denominator is 0, as with scikit-learn's `zero_division=0`: precision
///   of a label never predicted, recall of a label that never occurs, specificity of a label
///   every item has, F1 when precision + recall = 0, and accuracy of an empty matrix.
/// - A macro average over no labels, or a weighted average with zero total support, is 0.
/// - Cohen's kappa is 0 for an empty matrix or when a single label takes every actual and
///   every predicted item (scikit-learn's `replace_undefined_by=0.0`; its default is NaN).
/// - The Matthews correlation is 0 when the actual or the predicted labels never vary, as
///   scikit-learn returns, and for an empty matrix.
/// - Gwet's AC1 is 0 for an empty matrix and 1 for a non-empty matrix with a single label,
///   as irrCAC gives.
/// - scikit-learn raises on empty input; here an empty matrix scores 0 throughout.
public struct ClassificationMetrics: Sendable, Hashable, Codable {
    /// The number of items in the matrix.
    public let total: Int
    /// The fraction of items predicted correctly; 0 for an empty matrix.
    public let accuracy: Double
    /// Each label's scores, in the order of ``ConfusionMatrix/labels``.
    public let perClass: [ClassMetrics]
    /// Scores averaged with every label counting once.
    public let macro: AveragedMetrics
    /// Scores of the summed one-vs-rest tables.
    public let micro: AveragedMetrics
    /// Scores averaged with each label weighted by its support.
    public let weighted: AveragedMetrics
    /// Cohen's kappa: agreement corrected for the chance agreement of the two marginals.
    public let cohensKappa: Double
    /// Gwet's AC1: agreement corrected for chance in a way that stays stable when one label dominates.
    public let gwetsAC1: Double
    /// The Matthews correlation coefficient (multi-class R_K), from −1 to 1.
    public let matthewsCorrelation: Double

    /// Scores `matrix`.
    public init(_ matrix: ConfusionMatrix) {
        let marginals = Marginals(matrix)
        let tables = matrix.labels.indices.map(marginals.oneVsRest)
        let perClass = zip(matrix.labels, tables).map { ClassMetrics(label: $0, table: $1) }
        total = marginals.total
        accuracy = ratioOrZero(marginals.totalAgreement, marginals.total)
        self.perClass = perClass
        macro = .macro(perClass)
        micro = .micro(tables)
        weighted = .weighted(perClass)
        cohensKappa = Agreement.cohensKappa(marginals)
        gwetsAC1 = Agreement.gwetsAC1(marginals)
        matthewsCorrelation = Agreement.matthewsCorrelation(marginals)
    }

    /// The scores of `positive` treated as the positive class: what scikit-learn gives with
    /// `average='binary', pos_label=positive`. Unlike scikit-learn this also works with more than
    /// two labels (one label against the rest). `nil` if `positive` is not one of the labels.
    public func binary(positive: String) -> ClassMetrics? {
        perClass.first { $0.label == positive }
    }
}
