/// The sums of a ``ConfusionMatrix`` that every metric is built from, computed once in O(labels²).
struct Marginals: Sendable {
    /// Items per actual label (row sums); a class's support.
    let actualTotals: [Int]
    /// Items per predicted label (column sums).
    let predictedTotals: [Int]
    /// Items predicted correctly, per label (the diagonal).
    let agreements: [Int]
    /// All items.
    let total: Int

    /// Sums the rows, columns and diagonal of `matrix`.
    init(_ matrix: ConfusionMatrix) {
        let size = matrix.labels.count
        var actualTotals = Array(repeating: 0, count: size)
        var predictedTotals = Array(repeating: 0, count: size)
        for (row, values) in matrix.counts.enumerated() {
            for (column, count) in values.enumerated() {
                actualTotals[row] += count
                predictedTotals[column] += count
            }
        }
        self.actualTotals = actualTotals
        self.predictedTotals = predictedTotals
        self.agreements = (0..<size).map { matrix.counts[$0][$0] }
        self.total = actualTotals.reduce(0, +)
    }

    /// The number of labels (q).
    var labelCount: Int { agreements.count }

    /// Items predicted correctly over all labels (the trace).
    var totalAgreement: Int { agreements.reduce(0, +) }

    /// The one-vs-rest counts of the label at `index`.
    func oneVsRest(_ index: Int) -> OneVsRest {
        let truePositives = agreements[index]
        let falsePositives = predictedTotals[index] - truePositives
        let falseNegatives = actualTotals[index] - truePositives
        return OneVsRest(
            truePositives: truePositives,
            falsePositives: falsePositives,
            falseNegatives: falseNegatives,
            trueNegatives: total - truePositives - falsePositives - falseNegatives
        )
    }
}
