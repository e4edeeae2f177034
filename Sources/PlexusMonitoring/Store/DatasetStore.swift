import Foundation
import PlexusCore
import PlexusStats

/// What dataset uploads need from persistence; `PlexusStore` implements it over SQLite and
/// PostgreSQL. A dataset is written in steps (begun, chunks appended in as many transactions as
/// the file needs, completed), and stays invisible until it is completed, so a reader never sees
/// half a file and an upload cut short leaves nothing anyone can read.
public protocol DatasetStore: Sendable {
    /// Starts a dataset in the ``Dataset/Status/uploading`` state and returns its ID and creation
    /// time, as stored.
    func beginDataset(accountID: Identifier<Account>, name: String, format: DatasetFormat) async throws -> (id: Identifier<Dataset>, createdAt: Date)
    /// Stores completed chunks of an uploading dataset.
    func appendDatasetChunks(_ chunks: [DatasetChunk], to dataset: Identifier<Dataset>) async throws
    /// Up to `limit` chunks of one column, from chunk `first` on, in row order.
    func datasetChunks(of dataset: Identifier<Dataset>, column: Int, from first: Int, limit: Int) async throws -> [DatasetChunk]
    /// Stores part `part` (0, 1, … in order) of the drift form of an uploading dataset's column
    /// `name`, in the form ``StoredDriftColumn`` writes as `kind`.
    func appendDriftPart(of dataset: Identifier<Dataset>, column name: String, part: Int, kind: String, payload: [UInt8]) async throws
    /// Records the finished dataset with its statistics and column findings, and makes it readable.
    func completeDataset(_ dataset: Dataset, profiles: [ColumnProfile], findings: [QualityFinding]) async throws
    /// The drift form of each non-text column of a dataset, as stored at upload; nil when none was
    /// stored.
    func driftColumns(of dataset: Identifier<Dataset>) async throws -> [String: DriftColumn]?
    /// Removes an upload that failed or was abandoned, with its chunks.
    func discardDataset(_ dataset: Identifier<Dataset>) async throws
}
