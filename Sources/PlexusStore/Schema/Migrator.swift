import SQLKit

/// Brings a database's schema up to the newest version this build knows, one transaction per step.
struct Migrator: Sendable {
    let backend: any SQLBackend
    let clock: StoreEnvironment
    /// The steps known; all of them, except in tests that stop at an older schema.
    var migrations = Migrations.all

    /// Applies every step newer than the database's current version.
    func migrate() async throws {
        try await backend.write { tx in
            let db = tx.sql
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
        }
        let current = try await currentVersion()
        let newest = migrations.last?.version ?? 0
        guard current <= newest else { throw StoreError.schemaTooNew(found: current, known: newest) }
        for migration in migrations where migration.version > current {
            let appliedAt = clock.nowMicros()
            try await backend.write { tx in
            let db = tx.sql
                for statement in migration.statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: migration.version), \(bind: appliedAt))").run()
            }
        }
    }

    private func currentVersion() async throws -> Int {
        try await backend.read { db in
            let row = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
            return try row?.decode(column: "version", as: Int?.self) ?? 0
        }
    }
}
