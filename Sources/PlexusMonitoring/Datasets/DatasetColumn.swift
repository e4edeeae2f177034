/// One column of a stored dataset's schema.
public struct DatasetColumn: Sendable, Codable, Equatable {
    /// The column's name, unique within the dataset.
    public let name: String
    /// The type its values are read as.
    public let type: ColumnType
    /// The type Plexus inferred, when the uploader chose another.
    public let inferredType: ColumnType?

    /// A column named `name` of `type`.
    public init(name: String, type: ColumnType, inferredType: ColumnType? = nil) {
        self.name = name
        self.type = type
        self.inferredType = inferredType
    }
}

/// A record an upload could not read, by the line it starts on.
public struct BadRow: Sendable, Codable, Equatable {
    /// The 1-based line of the file.
    public let line: Int
    /// What is wrong with it.
    public let message: String

    /// A bad row at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// What an upload produced besides its chunks: the schema, counts and the file's digest.
public struct DatasetSummary: Sendable, Codable, Equatable {
    /// The columns in file order.
    public let columns: [DatasetColumn]
    /// Rows stored.
    public let rowCount: Int
    /// Records that could not be read (not stored; every one is counted).
    public let badRowCount: Int
    /// The first bad rows, with their line numbers.
    public let badRows: [BadRow]
    /// The SHA-256 of the uploaded bytes, lowercase hex.
    public let sha256: String
    /// The number of bytes uploaded.
    public let byteCount: Int
    /// Rows whose every cell repeats an earlier row, found among the first
    /// ``DatasetIngest/duplicateSearchLimit`` rows.
    public let duplicateRowCount: Int
    /// The first duplicate rows (0-based) with the row each repeats.
    public let duplicateExamples: [DuplicateRow]
}

/// A row that repeats an earlier one.
public struct DuplicateRow: Sendable, Codable, Equatable {
    /// The repeating row, 0-based.
    public let row: Int
    /// The row it repeats, 0-based.
    public let firstRow: Int
}
