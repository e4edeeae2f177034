/// Training rows in compressed sparse row form: row `i`'s entries are
/// `columns[rowStarts[i]..<rowStarts[i + 1]]` with their `values`.
struct FeatureMatrix: Sendable {
    /// Where each row starts; one more entry than there are rows.
    private(set) var rowStarts: [Int] = [0]
    /// Column of each entry.
    private(set) var columns: [Int] = []
    /// Value of each entry.
    private(set) var values: [Double] = []
    /// The number of columns.
    let columnCount: Int

    /// Creates a matrix of `rows`, each with columns below `columnCount`.
    init(rows: [SparseVector], columnCount: Int) {
        self.columnCount = columnCount
        for row in rows {
            columns += row.indices
            values += row.values
            rowStarts.append(columns.count)
        }
    }

    /// The number of rows.
    var rowCount: Int { rowStarts.count - 1 }

    /// The range of entries of row `row`.
    func entries(_ row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }
}
