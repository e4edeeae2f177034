import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats
@testable import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Schema upgrades keep what was stored")
struct MigrationTests {
    @Test("Drift columns stored whole, before they were stored in parts, read back after the upgrade", arguments: TestDatabase.available)
    func driftColumnsSurviveTheUpgrade(database: TestDatabase) async throws {
        let (location, cleanup) = try await database.makeEmptyDatabase()
        let backend: any SQLBackend = switch location {
        case .sqlite(let path): try await SQLiteBackend.open(path: path)
        case .postgres(let url): try PostgresBackend(url: url)
        }
        try await Migrator(backend: backend, clock: .system, migrations: Migrations.all.filter { $0.version <= 11 }).migrate()
        let numbers = DriftColumn.numeric(try SortedSample([4, -1, 2.5]))
        let counts = DriftColumn.categorical(CategoryCounts(counts: ["a": 2, "b": 1]))
        try await backend.write { tx in
            let db = tx.sql
            try await db.raw("INSERT INTO accounts (id, key, name, created_at) VALUES ('a1', 'old', 'Old', 0)").run()
            try await db.raw("""
                INSERT INTO datasets (id, account_id, name, format, status, columns, row_count, bad_row_count, bad_rows,
                    duplicate_row_count, byte_count, sha256, created_at, updated_at)
                VALUES ('d1', 'a1', 'old', 'csv', 'ready', '[]', 3, 0, '[]', 0, 10, '', 0, 0)
                """).run()
            for (name, kind, column) in [("x", StoredDriftColumn.numericKind, numbers), ("c", StoredDriftColumn.categoricalKind, counts)] {
                try await db.raw("""
                    INSERT INTO dataset_drift_columns (dataset_id, name, kind, payload)
                    VALUES ('d1', \(bind: name), \(bind: kind), \(bind: Data(StoredDriftColumn.encode(column))))
                    """).run()
            }
        }
        let store = try await SQLStore.open(backend: backend)
        #expect(try await store.driftColumns(of: Identifier("d1")) == ["x": numbers, "c": counts])
        try await store.close()
        try await cleanup()
    }
}
