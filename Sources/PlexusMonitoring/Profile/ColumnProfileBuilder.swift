import PlexusStats

/// Reads one column's chunks, in order, into its profile, its outliers and the form drift checks
/// compare. Numbers are sorted by a ``SpillingSorter``, so a column of any length is profiled
/// in bounded memory.
public struct ColumnProfileBuilder: Sendable {
    /// Text columns count distinct values exactly up to this many.
    public static let textDistinctCap = 100_000
    /// Numbers held in memory while a column is sorted (8 MiB); longer columns spill sorted runs
    /// to a scratch file.
    public static let sortRunLength = 1 << 20
    private static let examplesKept = 5

    /// The column being read.
    public let column: DatasetColumn
    private var nextRow = 0
    private var numbers: SpillingSorter
    private var lengths: SpillingSorter
    private var categories: [String: Int] = [:]
    private var categoriesOverflowed = false
    private var missing = 0
    private var missingExamples: [Int] = []
    private var mismatched = 0
    private var mismatchExamples: [CellExample] = []

    /// Starts reading `column`; `runLength` bounds the numbers held in memory while sorting.
    public init(column: DatasetColumn, runLength: Int = ColumnProfileBuilder.sortRunLength) {
        self.column = column
        numbers = SpillingSorter(runLength: runLength)
        lengths = SpillingSorter(runLength: runLength)
    }

    /// Reads the column's next chunk; rows skipped between chunks count as missing.
    public mutating func add(_ chunk: DatasetChunk) throws(DatasetError) {
        try addMissing(upTo: chunk.firstRow)
        for cell in chunk.cells { try add(cell) }
    }

    /// Reads the next cell.
    public mutating func add(_ cell: String?) throws(DatasetError) {
        let row = nextRow
        nextRow += 1
        guard let cell, !Cell.isMissing(cell) else {
            missing += 1
            if missingExamples.count < Self.examplesKept { missingExamples.append(row) }
            return
        }
        switch column.type {
        case .integer, .float, .datetime:
            if let number = column.type.number(cell) { try numbers.append(number) } else { mismatch(cell, row) }
        case .boolean:
            if let flag = Cell.boolean(cell) { categories[flag ? "true" : "false", default: 0] += 1 } else { mismatch(cell, row) }
        case .categorical:
            categories[cell, default: 0] += 1
        case .text:
            try lengths.append(Double(cell.count))
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

    private mutating func addMissing(upTo row: Int) throws(DatasetError) {
        while nextRow < row { try add(nil) }
    }

    /// The profile, outliers and drift form, once every chunk of a dataset of `rowCount` rows has
    /// been read. Outlier examples are still to be found: see ``ProfiledColumn/scanForOutliers(_:)``.
    public consuming func finish(rowCount: Int) throws(DatasetError) -> ProfiledColumn {
        try addMissing(upTo: rowCount)
        let counts = CategoryCounts(counts: categories)
        let numeric: NumericSummary?, distinct: Int, count: Int
        var drift: ProfiledColumn.Drift?
        var outliers: ColumnOutliers?
        switch column.type {
        case .integer, .float, .datetime:
            let sorted = try numbers.finish()
            let summary = try Self.summary(of: sorted, missing: missing)
            if column.type != .datetime, var found = ColumnOutliers(summary) {
                try sorted.forEach { found.count($0) }
                outliers = found
            }
            drift = .numbers(sorted)
            numeric = summary
            distinct = summary.distinct
            count = sorted.count
        case .text:
            let sorted = try lengths.finish()
            numeric = sorted.count == 0 ? nil : try Self.summary(of: sorted, missing: missing)
            distinct = categoriesOverflowed ? Self.textDistinctCap : counts.distinct
            count = sorted.count
        case .boolean, .categorical:
            drift = .counts(counts)
            numeric = nil
            distinct = counts.distinct
            count = counts.total
        }
        let profile = ColumnProfile(
            name: column.name, type: column.type, count: count, missing: missing, distinct: distinct,
            numeric: numeric, top: column.type.isNumeric || categoriesOverflowed ? [] : counts.top(20),
            mismatched: mismatched, mismatchExamples: mismatchExamples, missingExamples: missingExamples
        )
        return ProfiledColumn(column: column, profile: profile, outliers: outliers, drift: drift)
    }

    private static func summary(of sorted: SortedNumbers, missing: Int) throws(DatasetError) -> NumericSummary {
        if let sample = sorted.sample { return NumericSummary(sample, missing: missing) }
        return try NumericSummary(count: sorted.count, minimum: sorted.minimum, maximum: sorted.maximum, missing: missing) { visit throws(DatasetError) in
            try sorted.forEach(visit)
        }
    }
}

/// A column read to its end: its profile, its outliers, and its drift form.
public struct ProfiledColumn: Sendable {
    /// The drift form: numbers sorted (in memory or in runs on disk), or category counts.
    enum Drift: Sendable {
        case numbers(SortedNumbers)
        case counts(CategoryCounts)
    }

    /// The column.
    public let column: DatasetColumn
    /// What the statistics page shows.
    public let profile: ColumnProfile
    /// Integer and float columns: outlier counts, and the examples found so far.
    public private(set) var outliers: ColumnOutliers?
    let drift: Drift?

    /// Whether a scan of the column in row order would still find outlier examples.
    public var wantsOutlierExamples: Bool { outliers?.wantsExamples ?? false }

    /// Looks for outlier examples in the column's next chunk, read again in row order.
    public mutating func scanForOutliers(_ chunk: DatasetChunk) {
        guard var found = outliers else { return }
        for (offset, cell) in chunk.cells.enumerated() {
            guard let cell, !Cell.isMissing(cell), let value = column.type.number(cell) else { continue }
            found.scan(value, row: chunk.firstRow + offset)
        }
        outliers = found
    }

    /// The column as the drift tests read it, in memory; nil for text.
    public func driftColumn() throws(DatasetError) -> DriftColumn? {
        switch drift {
        case let .numbers(sorted)?:
            if let sample = sorted.sample { return .numeric(sample) }
            var values: [Double] = []
            values.reserveCapacity(sorted.count)
            try sorted.forEach { values.append($0) }
            return .numeric(SortedSample(alreadySorted: values))
        case let .counts(counts)?: return .categorical(counts)
        case nil: return nil
        }
    }

    /// The drift form in stored pieces (see ``StoredDriftColumn``), each at most `limit` numbers,
    /// passed to `store` in order without holding them all; nothing for text.
    public func driftParts(limit: Int = ColumnProfileBuilder.sortRunLength, _ store: (_ kind: String, _ payload: [UInt8]) async throws -> Void) async throws {
        switch drift {
        case let .numbers(sorted)?:
            try await sorted.forEachSlice(limit: limit) { try await store(StoredDriftColumn.numericKind, StoredDriftColumn.encode(numbers: $0)) }
        case let .counts(counts)?:
            try await store(StoredDriftColumn.categoricalKind, StoredDriftColumn.encode(.categorical(counts)))
        case nil:
            return
        }
    }
}

extension ProfiledColumn {
    /// Reads `column` of a dataset of `rowCount` rows from its chunks, which `page(from)` returns
    /// in order from chunk `from` on, a page at a time (an empty page ends the column): one pass
    /// for the profile and drift form and, when the column has outliers, a second that stops as
    /// soon as their first examples are found.
    public static func read(
        _ column: DatasetColumn, rowCount: Int, runLength: Int = ColumnProfileBuilder.sortRunLength,
        page: (_ from: Int) async throws -> [DatasetChunk]
    ) async throws -> ProfiledColumn {
        var builder = ColumnProfileBuilder(column: column, runLength: runLength)
        var next = 0
        while case let read = try await page(next), !read.isEmpty {
            for chunk in read { try builder.add(chunk) }
            next += read.count
        }
        var profiled = try builder.finish(rowCount: rowCount)
        next = 0
        while profiled.wantsOutlierExamples, case let read = try await page(next), !read.isEmpty {
            for chunk in read { profiled.scanForOutliers(chunk) }
            next += read.count
        }
        return profiled
    }
}
