/// Why a ``ConfusionMatrix`` could not be built.
public enum ConfusionMatrixError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The actual and predicted arrays have different lengths.
    case lengthMismatch(actual: Int, predicted: Int)
    /// A label appears more than once in the label list.
    case duplicateLabel(String)
    /// The counts have a different number of rows than there are labels.
    case rowCountMismatch(rows: Int, labels: Int)
    /// A row of counts has a different number of columns than there are labels.
    case columnCountMismatch(row: String, columns: Int, labels: Int)
    /// A count is below zero.
    case negativeCount(actual: String, predicted: String, count: Int)

    /// A message naming the offending value and what to do about it.
    public var description: String {
        switch self {
        case let .lengthMismatch(actual, predicted):
            "Got \(actual) actual labels but \(predicted) predicted labels; pass one prediction per item, in the same order."
        case let .duplicateLabel(label):
            "The label \"\(label)\" is listed more than once; list each label once."
        case let .rowCountMismatch(rows, labels):
            "The counts have \(rows) rows for \(labels) labels; give one row per label."
        case let .columnCountMismatch(row, columns, labels):
            "The row for \"\(row)\" has \(columns) counts for \(labels) labels; give one count per label in every row."
        case let .negativeCount(actual, predicted, count):
            "The count for actual \"\(actual)\", predicted \"\(predicted)\" is \(count); counts must be 0 or more."
        }
    }
}
