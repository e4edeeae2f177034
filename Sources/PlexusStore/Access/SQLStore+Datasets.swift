import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats
import SQLKit

/// Datasets: written in steps by ``DatasetUpload`` (begun, chunks appended, completed), then read
/// by ID, listed, described and deleted. Uploads left 'uploading' by a process that died are
/// removed once they have been idle for ``SQLStore/abandonedUploadAge``.
extension SQLStore: DatasetStore {
    /// An upload that has stored nothing for this long is taken to be abandoned.
    public static let abandonedUploadAge: TimeInterval = 3_600

    public func beginDataset(accountID: Identifier<Account>, name: String, format: DatasetFormat) async throws -> (id: Identifier<Dataset>, createdAt: Date) {
        let id: Identifier<Dataset> = newID()
        let now = environment.nowMicros()
        try await removeAbandonedUploads(idleSince: now - Int64(Self.abandonedUploadAge * 1_000_000))
        try await backend.write { tx in
            try await tx.sql.raw("""
                INSERT INTO datasets (id, account_id, name, format, status, columns, row_count, bad_row_count, bad_rows,
                    duplicate_row_count, byte_count, sha256, created_at, updated_at)
                VALUES (\(bind: id.rawValue), \(bind: accountID.rawValue), \(bind: name), \(bind: format.rawValue), 'uploading', '[]', 0, 0, '[]',
                    0, 0, '', \(bind: now), \(bind: now))
                """).run()
        }
        return (id, Timestamp.date(now))
    }

    public func appendDatasetChunks(_ chunks: [DatasetChunk], to dataset: Identifier<Dataset>) async throws {
        let now = environment.nowMicros()
        try await backend.write { tx in
            let db = tx.sql
            // A few chunks per statement keeps each statement's bound bytes moderate.
            for start in stride(from: 0, to: chunks.count, by: 16) {
                var sql: SQLQueryString = "INSERT INTO dataset_chunks (dataset_id, column_index, chunk_index, first_row, cells) VALUES "
                for (offset, chunk) in chunks[start ..< min(start + 16, chunks.count)].enumerated() {
                    if offset > 0 { sql += ", " }
                    sql += "(\(bind: dataset.rawValue), \(bind: chunk.column), \(bind: chunk.index), \(bind: chunk.firstRow), \(bind: Data(chunk.encodedCells)))"
                }
                try await db.raw(sql).run()
            }
            try await db.raw("UPDATE datasets SET updated_at = \(bind: now) WHERE id = \(bind: dataset.rawValue)").run()
        }
    }

    public func datasetChunks(of dataset: Identifier<Dataset>, column: Int, from first: Int, limit: Int) async throws -> [DatasetChunk] {
        try await backend.read { db in
            try await db.raw("""
                SELECT chunk_index, first_row, cells FROM dataset_chunks
                WHERE dataset_id = \(bind: dataset.rawValue) AND column_index = \(bind: column) AND chunk_index >= \(bind: first)
                ORDER BY chunk_index LIMIT \(literal: limit)
                """).all().map { row in
                let bytes = try row.decode(column: "cells", as: Data.self)
                guard let cells = DatasetChunk.decodeCells(Array(bytes)) else {
                    throw StoreError.corruptValue(column: "dataset_chunks.cells", detail: "chunk \(try row.int("chunk_index")) of column \(column) is not in the stored cell form")
                }
                return DatasetChunk(column: column, index: try row.int("chunk_index"), firstRow: try row.int("first_row"), cells: cells)
            }
        }
    }

    public func appendDriftPart(of dataset: Identifier<Dataset>, column name: String, part: Int, kind: String, payload: [UInt8]) async throws {
        let now = environment.nowMicros()
        try await backend.write { tx in
            try await tx.sql.raw("""
                INSERT INTO dataset_drift_parts (dataset_id, name, part, kind, payload)
                VALUES (\(bind: dataset.rawValue), \(bind: name), \(bind: part), \(bind: kind), \(bind: Data(payload)))
                """).run()
            // A long profile is still progress: the upload is not abandoned.
            try await tx.sql.raw("UPDATE datasets SET updated_at = \(bind: now) WHERE id = \(bind: dataset.rawValue)").run()
        }
    }

    public func completeDataset(_ dataset: Dataset, profiles: [ColumnProfile], findings: [QualityFinding]) async throws {
        let now = environment.nowMicros()
        try await backend.write { tx in
            try await tx.sql.raw("""
                UPDATE datasets SET name = \(bind: dataset.name), description = \(bind: dataset.description), status = 'ready',
                    columns = \(bind: JSONText.encode(dataset.columns)), row_count = \(bind: dataset.rowCount),
                    bad_row_count = \(bind: dataset.badRowCount), bad_rows = \(bind: JSONText.encode(dataset.badRows)),
                    duplicate_row_count = \(bind: dataset.duplicateRowCount), byte_count = \(bind: dataset.byteCount),
                    sha256 = \(bind: dataset.sha256), quality_score = \(bind: dataset.qualityScore),
                    profiles = \(bind: JSONText.encode(profiles)), findings = \(bind: JSONText.encode(findings)), updated_at = \(bind: now)
                WHERE id = \(bind: dataset.id.rawValue) AND status = 'uploading'
                """).run()
        }
    }

    public func driftColumns(of dataset: Identifier<Dataset>) async throws -> [String: DriftColumn]? {
        try await backend.read { db in
            let rows = try await db.raw("""
                SELECT name, kind, payload FROM dataset_drift_parts WHERE dataset_id = \(bind: dataset.rawValue) ORDER BY name, part
                """).all()
            guard !rows.isEmpty else { return nil }
            var parts: [(name: String, kind: String, payloads: [[UInt8]])] = []
            for row in rows {
                let name = try row.string("name"), payload = Array(try row.decode(column: "payload", as: Data.self))
                if parts.last?.name == name { parts[parts.count - 1].payloads.append(payload) } else { parts.append((name, try row.string("kind"), [payload])) }
            }
            var columns: [String: DriftColumn] = [:]
            for (name, kind, payloads) in parts {
                guard let column = StoredDriftColumn.decode(kind: kind, parts: payloads) else {
                    throw StoreError.corruptValue(column: "dataset_drift_parts.payload", detail: "column '\(name)' is not in the stored drift form")
                }
                columns[name] = column
            }
            return columns
        }
    }

    public func discardDataset(_ dataset: Identifier<Dataset>) async throws {
        try await backend.write { tx in
            try await Self.removeDatasets([dataset.rawValue], on: tx.sql)
        }
    }

    /// The account's datasets that finished uploading, newest first.
    public func datasets(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<Dataset> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let sql: SQLQueryString = "SELECT * FROM datasets WHERE account_id = \(bind: accountID.rawValue) AND status = 'ready'"
            let found = try await db.raw(sql + tail).all().map(Self.dataset(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// One of the account's datasets, if it exists and has finished uploading.
    public func dataset(_ id: String, accountID: Identifier<Account>) async throws -> Dataset? {
        try await readyDatasetRow(id, accountID: accountID).map(Self.dataset(from:))
    }

    /// One of the account's finished datasets by ID, or else the newest one named `idOrName`.
    public func dataset(idOrName: String, accountID: Identifier<Account>) async throws -> Dataset? {
        if let dataset = try await dataset(idOrName, accountID: accountID) { return dataset }
        return try await backend.read { db in
            try await db.raw("""
                SELECT * FROM datasets WHERE account_id = \(bind: accountID.rawValue) AND name = \(bind: idOrName) AND status = 'ready'
                ORDER BY created_at DESC, id DESC LIMIT 1
                """).first().map(Self.dataset(from:))
        }
    }

    /// Every column's statistics, as computed when the dataset was uploaded.
    public func datasetStatistics(_ id: String, accountID: Identifier<Account>) async throws -> DatasetStatistics? {
        guard let row = try await readyDatasetRow(id, accountID: accountID) else { return nil }
        let profiles = try JSONText.decode([ColumnProfile].self, from: try row.optionalString("profiles") ?? "[]", column: "datasets.profiles")
        return DatasetStatistics(datasetId: try row.id("id"), rowCount: try row.int("row_count"), columns: profiles.map(ColumnStatistics.init))
    }

    /// The dataset's quality findings and score; `expected` adds the checks of an input schema
    /// (columns a model or scorecard needs, with their types).
    public func datasetQuality(_ id: String, accountID: Identifier<Account>, expected: [String: ColumnType] = [:]) async throws -> DatasetQuality? {
        guard let row = try await readyDatasetRow(id, accountID: accountID) else { return nil }
        var findings = try JSONText.decode([QualityFinding].self, from: try row.optionalString("findings") ?? "[]", column: "datasets.findings")
        if !expected.isEmpty {
            let profiles = try JSONText.decode([ColumnProfile].self, from: try row.optionalString("profiles") ?? "[]", column: "datasets.profiles")
            findings += QualityReport.schemaFindings(profiles, expected: expected)
        }
        return DatasetQuality(datasetId: try row.id("id"), report: QualityReport(findings: findings))
    }

    /// Deletes one of the account's datasets with its cells; false when there is none.
    public func deleteDataset(_ id: String, accountID: Identifier<Account>) async throws -> Bool {
        try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM datasets WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue) AND status = 'ready'").first() != nil else {
                return false
            }
            try await Self.removeDatasets([id], on: db)
            return true
        }
    }

    /// How many datasets (uploads in progress included) and chunks the database holds, across
    /// accounts: for operators, and to check that a failed upload left nothing behind.
    public func datasetStorage() async throws -> (datasets: Int, chunks: Int) {
        try await backend.read { db in
            let datasets = try await db.raw("SELECT COUNT(*) AS count FROM datasets").first()?.int("count") ?? 0
            let chunks = try await db.raw("SELECT COUNT(*) AS count FROM dataset_chunks").first()?.int("count") ?? 0
            return (datasets, chunks)
        }
    }

    /// Removes uploads that have stored nothing since `idleSince` (microseconds since 1970).
    func removeAbandonedUploads(idleSince: Int64) async throws {
        try await backend.write { tx in
            let db = tx.sql
            let stale = try await db.raw("SELECT id FROM datasets WHERE status = 'uploading' AND updated_at < \(bind: idleSince)").all().map { try $0.string("id") }
            try await Self.removeDatasets(stale, on: db)
        }
    }

    private static func removeDatasets(_ ids: [String], on db: any SQLDatabase) async throws {
        for id in ids {
            try await db.raw("DELETE FROM dataset_chunks WHERE dataset_id = \(bind: id)").run()
            try await db.raw("DELETE FROM dataset_drift_parts WHERE dataset_id = \(bind: id)").run()
            try await db.raw("DELETE FROM datasets WHERE id = \(bind: id)").run()
        }
    }

    private func readyDatasetRow(_ id: String, accountID: Identifier<Account>) async throws -> (any SQLRow)? {
        try await backend.read { db in
            try await db.raw("SELECT * FROM datasets WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue) AND status = 'ready'").first()
        }
    }

    private static func dataset(from row: any SQLRow) throws -> Dataset {
        Dataset(
            id: try row.id("id"), name: try row.string("name"), description: try row.optionalString("description"),
            format: DatasetFormat(rawValue: try row.string("format")) ?? .csv,
            status: Dataset.Status(rawValue: try row.string("status")) ?? .uploading,
            columns: try JSONText.decode([DatasetColumn].self, from: try row.string("columns"), column: "datasets.columns"),
            rowCount: try row.int("row_count"), badRowCount: try row.int("bad_row_count"),
            badRows: try JSONText.decode([BadRow].self, from: try row.string("bad_rows"), column: "datasets.bad_rows"),
            duplicateRowCount: try row.int("duplicate_row_count"), byteCount: try row.int("byte_count"), sha256: try row.string("sha256"),
            qualityScore: try row.optionalDouble("quality_score"), createdAt: try row.date("created_at"))
    }
}
