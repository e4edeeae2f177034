import PlexusCore
import PlexusStats

/// The metrics an evaluation reports, computed with PlexusStats from its confusion matrix: the
/// scores of the positive class plus chance-corrected agreement over all classes.
public struct EvaluationMetrics: Sendable, Equatable {
    /// Rows are true labels, columns predicted labels.
    public var matrix: ConfusionMatrix
    /// The class whose precision, recall, specificity and F1 are reported.
    public var positiveClass: String
    /// The fraction of items predicted correctly.
    public var accuracy: Double
    /// Of the items predicted positive, the fraction that are.
    public var precision: Double
    /// Of the positive items, the fraction predicted positive (recall).
    public var sensitivity: Double
    /// Of the negative items, the fraction predicted negative.
    public var specificity: Double
    /// The harmonic mean of precision and sensitivity.
    public var f1: Double
    /// Cohen's kappa.
    public var kappa: Double
    /// Gwet's AC1.
    public var ac1: Double
    /// The Matthews correlation coefficient.
    public var mcc: Double

    /// Scores `matrix` with `positiveClass` as the positive class (all its scores 0 if the matrix lacks it).
    public init(_ matrix: ConfusionMatrix, positiveClass: String) {
        let metrics = ClassificationMetrics(matrix)
        let positive = metrics.binary(positive: positiveClass)
        self.matrix = matrix
        self.positiveClass = positiveClass
        accuracy = metrics.accuracy
        precision = positive?.precision ?? 0
        sensitivity = positive?.sensitivity ?? 0
        specificity = positive?.specificity ?? 0
        f1 = positive?.f1 ?? 0
        kappa = metrics.cohensKappa
        ac1 = metrics.gwetsAC1
        mcc = metrics.matthewsCorrelation
    }

    /// The same as ``sensitivity``.
    public var recall: Double { sensitivity }

    /// The evaluation's `metrics` JSON: `{"accuracy", "precision", "sensitivity", "recall",
    /// "specificity", "f1", "kappa", "ac1", "mcc", "positiveClass", "total"}`.
    public var json: JSONValue {
        .object([
            "accuracy": .number(accuracy), "precision": .number(precision), "sensitivity": .number(sensitivity),
            "recall": .number(recall), "specificity": .number(specificity), "f1": .number(f1), "kappa": .number(kappa),
            "ac1": .number(ac1), "mcc": .number(mcc), "positiveClass": .string(positiveClass), "total": .number(Double(matrix.total)),
        ])
    }

    /// The evaluation's `confusionMatrix` JSON: `{"labels": [...], "matrix": [[...]]}`, rows true, columns predicted.
    public var confusionMatrixJSON: JSONValue {
        .object([
            "labels": .array(matrix.labels.map(JSONValue.string)),
            "matrix": .array(matrix.counts.map { row in .array(row.map { .number(Double($0)) }) }),
        ])
    }
}
