import Foundation
import PlexusCore

/// A stored dataset: its schema, counts and digest, as the API shows it.
public struct Dataset: Sendable, Codable, Equatable {
    /// Whether a dataset can be read yet.
    public enum Status: String, Sendable, Codable {
        /// Its file is still arriving; it is not listed and cannot be read.
        case uploading
        /// Stored, profiled and checked.
        case ready
    }

    /// The dataset's ID (`GET /api/v1/data/{id}`).
    public let id: Identifier<Dataset>
    /// A name for people.
    public var name: String
    /// What the data is, optionally.
    public var description: String?
    /// The format it was uploaded in.
    public let format: DatasetFormat
    /// Whether it can be read yet.
    public var status: Status
    /// The columns in file order, each with its type (and the inferred one, when overridden).
    public var columns: [DatasetColumn]
    /// Rows stored.
    public var rowCount: Int
    /// Records that could not be read; each is counted, the first are in ``badRows``.
    public var badRowCount: Int
    /// The first unreadable records, with their line numbers.
    public var badRows: [BadRow]
    /// Rows that repeat an earlier row exactly.
    public var duplicateRowCount: Int
    /// The uploaded file's size in bytes.
    public var byteCount: Int
    /// The SHA-256 of the uploaded bytes, lowercase hex.
    public var sha256: String
    /// The quality score, 0–100 (see ``QualityReport``).
    public var qualityScore: Double?
    /// When the upload began.
    public let createdAt: Date

    /// A dataset as stored.
    public init(
        id: Identifier<Dataset>, name: String, description: String?, format: DatasetFormat, status: Status, columns: [DatasetColumn],
        rowCount: Int, badRowCount: Int, badRows: [BadRow], duplicateRowCount: Int, byteCount: Int, sha256: String,
        qualityScore: Double?, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.format = format
        self.status = status
        self.columns = columns
        self.rowCount = rowCount
        self.badRowCount = badRowCount
        self.badRows = badRows
        self.duplicateRowCount = duplicateRowCount
        self.byteCount = byteCount
        self.sha256 = sha256
        self.qualityScore = qualityScore
        self.createdAt = createdAt
    }
}

/// What `GET /api/v1/data/{id}/statistics` answers: every column's statistics.
public struct DatasetStatistics: Sendable, Codable, Equatable {
    /// The dataset described.
    public let datasetId: Identifier<Dataset>
    /// Rows in the dataset.
    public let rowCount: Int
    /// One entry per column, in file order.
    public let columns: [ColumnStatistics]

    /// Statistics of a dataset's columns.
    public init(datasetId: Identifier<Dataset>, rowCount: Int, columns: [ColumnStatistics]) {
        self.datasetId = datasetId
        self.rowCount = rowCount
        self.columns = columns
    }
}

/// What `GET /api/v1/data/{id}/quality` answers.
public struct DatasetQuality: Sendable, Codable, Equatable {
    /// The dataset checked.
    public let datasetId: Identifier<Dataset>
    /// The overall score, 0–100: 100 × (1 − Σ weight × share) over the findings (see ``QualityReport``).
    public let score: Double
    /// How the score is computed, in words.
    public let formula: String
    /// Findings, most severe first.
    public let findings: [QualityFinding]

    /// The formula, as the API states it.
    public static let formulaText = "score = 100 × (1 − Σ weight × share), at least 0; weight 1 for an error, 0.5 for a warning, 0.1 for information; share = affected cells ÷ all cells for cell findings, affected rows ÷ all rows for row findings, 1 ÷ columns for a whole column (half that for a near-constant one)."

    /// A dataset's quality report.
    public init(datasetId: Identifier<Dataset>, report: QualityReport) {
        self.datasetId = datasetId
        score = report.score
        formula = Self.formulaText
        findings = report.findings
    }
}
