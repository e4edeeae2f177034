import Foundation
import PlexusCore
import PlexusStats

/// One upload, from the first byte to a stored, profiled and checked dataset: the file is fed in
/// pieces, completed chunks go to the store as they fill, and once the file ends each column is
/// read back on its own for its statistics, findings and drift form (kept for monitors that use
/// the dataset as a reference). Memory holds a chunk of rows, a page of one column's chunks and
/// a bounded buffer of its numbers (longer columns are sorted in runs on disk), never the file
/// nor a whole column, so it stays flat however large the file.
///
/// Call ``feed(_:)`` for each piece, then ``finish(name:description:schema:)``; on any error
/// (or if the client goes away) call ``discard()`` so nothing half-written is left.
public struct DatasetUpload: Sendable {
    /// Chunks read back at a time while profiling.
    public static let chunksPerRead = 16

    private let store: any DatasetStore
    private let format: DatasetFormat
    private let createdAt: Date
    private var ingest: DatasetIngest
    /// The dataset being written, once the store has begun it.
    public let id: Identifier<Dataset>
    /// The name the upload began with, until ``finish(name:description:schema:)`` gives the final one.
    public let provisionalName: String

    /// Begins an upload of a file in `format` for the account; `name` may change at ``finish(name:description:schema:)``.
    public init(store: any DatasetStore, accountID: Identifier<Account>, name: String, format: DatasetFormat) async throws {
        self.store = store
        self.format = format
        ingest = DatasetIngest(format: format)
        provisionalName = name
        (id, createdAt) = try await store.beginDataset(accountID: accountID, name: name, format: format)
    }

    /// Reads the next piece of the file and stores the chunks it completes.
    public mutating func feed(_ bytes: some Collection<UInt8>) async throws {
        let chunks = try ingest.feed(bytes)
        if !chunks.isEmpty { try await store.appendDatasetChunks(chunks, to: id) }
    }

    /// Ends the file: stores the last chunks, profiles every column, checks quality and makes
    /// the dataset readable. `schema` forces the types of the columns it names.
    /// - Throws: ``DatasetError`` when the file holds no data or the schema names unknown columns.
    public mutating func finish(name: String, description: String?, schema: [String: ColumnType] = [:]) async throws -> Dataset {
        ingest.override(schema)
        let (chunks, summary) = try ingest.finish()
        if !chunks.isEmpty { try await store.appendDatasetChunks(chunks, to: id) }
        var profiles: [ColumnProfile] = []
        var findings = QualityReport.datasetFindings(summary)
        for (index, column) in summary.columns.enumerated() {
            let profiled = try await ProfiledColumn.read(column, rowCount: summary.rowCount) { [store, id] from in
                try await store.datasetChunks(of: id, column: index, from: from, limit: Self.chunksPerRead)
            }
            var part = 0
            try await profiled.driftParts { [store, id] kind, payload in
                try await store.appendDriftPart(of: id, column: column.name, part: part, kind: kind, payload: payload)
                part += 1
            }
            findings += QualityReport.columnFindings(profiled.profile, outliers: profiled.outliers, summary: summary)
            profiles.append(profiled.profile)
        }
        let dataset = Dataset(
            id: id, name: name, description: description, format: format, status: .ready, columns: summary.columns,
            rowCount: summary.rowCount, badRowCount: summary.badRowCount, badRows: summary.badRows,
            duplicateRowCount: summary.duplicateRowCount, byteCount: summary.byteCount, sha256: summary.sha256,
            qualityScore: QualityReport(findings: findings).score, createdAt: createdAt)
        try await store.completeDataset(dataset, profiles: profiles, findings: findings)
        return dataset
    }

    /// Removes whatever the upload stored; for a failed or abandoned upload.
    public func discard() async {
        try? await store.discardDataset(id)
    }
}
