import PlexusStats

/// Reads one column's chunks, in order, into its profile and the form drift checks compare.
public struct ColumnProfileBuilder: Sendable {
    /// Text columns count distinct values exactly up to this many.
    public static let textDistinctCap = 100_000
    private static let examplesKept = 5

    /// The column being read.
    public let column: DatasetColumn
    private var nextRow = 0
    private var values: [Double] = []
    private var rows: [Int] = []
    private var categories: [String: Int] = [:]
    private var categoriesOverflowed = false
    private var lengths: [Double] = []
    private var missing = 0
    private var missingExamples: [Int] = []
    private var mismatched = 0
    private var mismatchExamples: [CellExample] = []
    /// The numbers sorted by ``finish(rowCount:)``, kept for ``driftColumn()``.
    private var sorted: SortedSample?

    /// Starts reading `column`.
    public init(column: DatasetColumn) {
        self.column = column
    }

    /// Reads the column's next chunk; rows skipped between chunks count as missing.
    public mutating func add(_ chunk: DatasetChunk) {
        addMissing(upTo: chunk.firstRow)
        for cell in chunk.cells { add(cell) }
    }

    /// Reads the next cell.
    public mutating func add(_ cell: String?) {
        let row = nextRow
        nextRow += 1
        guard let cell, !Cell.isMissing(cell) else {
            missing += 1
            if missingExamples.count < Self.examplesKept { missingExamples.append(row) }
            return
        }
        switch column.type {
        case .integer, .float, .datetime:
            if let number = column.type.number(cell) {
                values.append(number)
                rows.append(row)
            } else {
                mismatch(cell, row)
            }
        case .boolean:
            if let flag = Cell.boolean(cell) { categories[flag ? "true" : "false", default: 0] += 1 } else { mismatch(cell, row) }
        case .categorical:
            categories[cell, default: 0] += 1
        case .text:
            lengths.append(Double(cell.count))
            if !categoriesOverflowed {
                categories[cell, default: 0] += 1
                if categories.count > Self.textDistinctCap {
                    categoriesOverflowed = true
                    categories = [:]
                }
            }
        }
    }

    private mutating func mismatch(_ cell: String, _ row: Int) {
        mismatched += 1
        if mismatchExamples.count < Self.examplesKept { mismatchExamples.append(CellExample(row: row, value: cell)) }
    }

    private mutating func addMissing(upTo row: Int) {
        while nextRow < row { add(nil) }
    }

    /// The numeric values read, each with its 0-based row, in row order.
    public var numbers: (values: [Double], rows: [Int]) { (values, rows) }

    /// The column as the drift tests read it: numbers sorted (once, when ``finish(rowCount:)`` has
    /// already sorted them), other values counted; nil for text.
    public func driftColumn() throws(StatisticsError) -> DriftColumn? {
        switch column.type {
        case .integer, .float, .datetime:
            if let sorted { .numeric(sorted) } else { .numeric(try SortedSample(values, name: column.name)) }
        case .boolean, .categorical: .categorical(CategoryCounts(counts: categories))
        case .text: nil
        }
    }

    /// The profile, once every chunk of a dataset of `rowCount` rows has been read.
    public mutating func finish(rowCount: Int) throws(StatisticsError) -> ColumnProfile {
        addMissing(upTo: rowCount)
        let counts = CategoryCounts(counts: categories)
        let numeric: NumericSummary?, distinct: Int, count: Int
        switch column.type {
        case .integer, .float, .datetime:
            let sample = try SortedSample(values, name: column.name)
            sorted = sample
            numeric = NumericSummary(sample, missing: missing)
            distinct = sample.distinctCount
            count = values.count
        case .text:
            numeric = lengths.isEmpty ? nil : NumericSummary(try SortedSample(lengths), missing: missing)
            distinct = categoriesOverflowed ? Self.textDistinctCap : counts.distinct
            count = lengths.count
        case .boolean, .categorical:
            numeric = nil
            distinct = counts.distinct
            count = counts.total
        }
        return ColumnProfile(
            name: column.name, type: column.type, count: count, missing: missing, distinct: distinct,
            numeric: numeric, top: column.type.isNumeric || categoriesOverflowed ? [] : counts.top(20),
            mismatched: mismatched, mismatchExamples: mismatchExamples, missingExamples: missingExamples
        )
    }
}
