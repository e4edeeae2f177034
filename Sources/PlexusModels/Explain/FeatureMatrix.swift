/// Rows of numeric features in one row-major array: the rows an explanation explains, or the
/// background rows it compares them with.
public struct FeatureMatrix: Sendable, Equatable {
    /// Every row's features, one row after another.
    public let values: [Float]
    /// How many rows there are.
    public let rows: Int
    /// How many features each row has.
    public let columns: Int

    /// The matrix of `values`, which must hold `rows` × `columns` numbers.
    public init(values: [Float], rows: Int, columns: Int) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values, not \(values.count)")
        self.values = values
        self.rows = rows
        self.columns = columns
    }

    /// The matrix of equally long `rows`.
    public init(rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "every row needs \(columns) features")
        self.init(values: rows.flatMap { $0 }, rows: rows.count, columns: columns)
    }

    /// The features of row `index`.
    public subscript(row index: Int) -> ArraySlice<Float> {
        values[index * columns ..< (index + 1) * columns]
    }
}
