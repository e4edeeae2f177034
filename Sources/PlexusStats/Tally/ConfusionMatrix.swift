/// How often each actual label was predicted as each label, for two raters (truth and a classifier).
///
/// Rows are actual labels and columns are predicted labels, both in the order of ``labels``:
/// `counts[actualIndex][predictedIndex]`. Labels are compared with Swift's `String` equality, which
/// treats canonically equivalent text as one label (precomposed and decomposed "é"), unlike Python.
///
/// Build one in a batch with ``init(actual:predicted:labels:)``, which mirrors scikit-learn's
/// `confusion_matrix`, or grow one item at a time with ``record(actual:predicted:)``.
/// ``ClassificationMetrics`` turns a matrix into scores.
public struct ConfusionMatrix: Sendable, Equatable {
    /// The labels, in the order of the rows (actual) and the columns (predicted).
    public private(set) var labels: [String]
    /// The tallies: `counts[actualIndex][predictedIndex]`, indices into ``labels``.
    public private(set) var counts: [[Int]]
    /// Where each label sits in ``labels``; derived from it, so not encoded.
    private var indexByLabel: [String: Int]

    /// Creates an empty matrix over no labels; ``record(actual:predicted:)`` adds them as they come.
    public init() {
        labels = []
        counts = []
        indexByLabel = [:]
    }

    /// Creates an all-zero matrix over `labels`, in that order.
    ///
    /// - Throws: ``ConfusionMatrixError/duplicateLabel(_:)`` if a label appears twice.
    public init(labels: [String]) throws(ConfusionMatrixError) {
        try self.init(labels: labels, counts: Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count))
    }

    /// Creates a matrix from labels and counts already tallied, checking that they fit together.
    ///
    /// - Throws: ``ConfusionMatrixError`` if a label repeats, the counts are not
    ///   `labels.count` × `labels.count`, or a count is negative.
    public init(labels: [String], counts: [[Int]]) throws(ConfusionMatrixError) {
        indexByLabel = try Self.index(labels)
        guard counts.count == labels.count else {
            throw .rowCountMismatch(rows: counts.count, labels: labels.count)
        }
        for (row, values) in counts.enumerated() {
            guard values.count == labels.count else {
                throw .columnCountMismatch(row: labels[row], columns: values.count, labels: labels.count)
            }
            if let column = values.firstIndex(where: { $0 < 0 }) {
                throw .negativeCount(actual: labels[row], predicted: labels[column], count: values[column])
            }
        }
        self.labels = labels
        self.counts = counts
    }

    /// Tallies parallel arrays of actual and predicted labels, as scikit-learn's `confusion_matrix` does.
    ///
    /// - Parameters:
    ///   - actual: The true label of each item.
    ///   - predicted: The predicted label of each item, in the same order.
    ///   - labels: The labels and their order. `nil` (the default) uses the sorted union of both
    ///     arrays, like scikit-learn's `unique_labels` (for NFC text, Swift's `String` order is
    ///     code-point order, as in Python). When given, a pair whose actual or predicted label is
    ///     not in `labels` is left out, as with `confusion_matrix(..., labels=...)`; a label that
    ///     never occurs still gets its (zero) row and column.
    /// - Throws: ``ConfusionMatrixError/lengthMismatch(actual:predicted:)`` if the arrays differ
    ///   in length, ``ConfusionMatrixError/duplicateLabel(_:)`` if `labels` repeats a label.
    public init(actual: [String], predicted: [String], labels: [String]? = nil) throws(ConfusionMatrixError) {
        guard actual.count == predicted.count else {
            throw .lengthMismatch(actual: actual.count, predicted: predicted.count)
        }
        try self.init(labels: labels ?? Set(actual).union(predicted).sorted())
        for (truth, guess) in zip(actual, predicted) {
            guard let row = indexByLabel[truth], let column = indexByLabel[guess] else { continue }
            counts[row][column] += 1
        }
    }

    /// The number of items tallied.
    public var total: Int {
        counts.reduce(0) { $0 + $1.reduce(0, +) }
    }

    /// How many items with actual label `actual` were predicted as `predicted`; 0 for an unknown label.
    public func count(actual: String, predicted: String) -> Int {
        guard let row = indexByLabel[actual], let column = indexByLabel[predicted] else { return 0 }
        return counts[row][column]
    }

    /// Tallies one item. A label not seen before is appended to ``labels``, growing the matrix
    /// by a zero row and column (the actual label first if both are new).
    public mutating func record(actual: String, predicted: String) {
        let row = index(appending: actual)
        let column = index(appending: predicted)
        counts[row][column] += 1
    }

    /// The position of `label`, appending it first if it is new.
    private mutating func index(appending label: String) -> Int {
        if let index = indexByLabel[label] { return index }
        let index = labels.count
        labels.append(label)
        indexByLabel[label] = index
        for row in counts.indices { counts[row].append(0) }
        counts.append(Array(repeating: 0, count: index + 1))
        return index
    }

    /// Maps each label to its position, rejecting repeats.
    private static func index(_ labels: [String]) throws(ConfusionMatrixError) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(labels.count)
        for (position, label) in labels.enumerated() {
            guard index.updateValue(position, forKey: label) == nil else { throw .duplicateLabel(label) }
        }
        return index
    }
}
