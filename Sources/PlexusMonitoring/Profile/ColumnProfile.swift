import PlexusStats

/// What a dataset's statistics page shows for one column.
public struct ColumnProfile: Sendable, Codable, Equatable {
    /// The column's name.
    public let name: String
    /// The type its values were read as.
    public let type: ColumnType
    /// Cells holding a value of the type.
    public let count: Int
    /// Cells holding no value.
    public let missing: Int
    /// Distinct values (capped for text at ``ColumnProfileBuilder/textDistinctCap``).
    public let distinct: Int
    /// Moments, quantiles and histogram: of the values for numeric and date-time columns (seconds
    /// since 1970 for the latter), of the lengths in characters for text.
    public let numeric: NumericSummary?
    /// The 20 most frequent values, for boolean, categorical and text columns.
    public let top: [CategoryCount]
    /// Cells with a value that does not fit the type (counted neither as values nor as missing).
    public let mismatched: Int
    /// The first cells that do not fit, with their rows.
    public let mismatchExamples: [CellExample]
    /// The first rows with no value.
    public let missingExamples: [Int]
}

/// A cell's 0-based row and its text.
public struct CellExample: Sendable, Codable, Equatable {
    /// The 0-based row.
    public let row: Int
    /// The cell as uploaded.
    public let value: String

    /// A cell of `row` holding `value`.
    public init(row: Int, value: String) {
        self.row = row
        self.value = value
    }
}
