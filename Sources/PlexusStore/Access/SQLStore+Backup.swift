import Foundation
import SQLKit

/// What ``SQLStore/backup(to:)`` wrote.
public struct BackupReport: Sendable, Hashable {
    /// Where the copy is.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// The schema version it holds.
    public var schemaVersion: Int
}

extension SQLStore {
    /// Writes a consistent copy of this SQLite database to a new file at `path`, while servers
    /// keep reading and writing it: SQLite's `VACUUM INTO` copies one snapshot (every write
    /// committed before it began, nothing after), compacted, creating the file's folder if needed. The copy is then checked with
    /// `PRAGMA integrity_check`, and is itself a database `plexus serve --database` opens.
    /// - Throws: ``StoreError/backupNeedsSQLite`` on PostgreSQL, ``StoreError/backupTargetExists(path:)``
    ///   rather than overwrite a file, ``StoreError/backupDamaged(path:detail:)`` if the check fails
    ///   (the copy is then left as `path.partial`).
    public func backup(to path: String) async throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupTargetExists(path: path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written under another name and renamed once checked, so an interrupted backup never
        // leaves a half-written file under the name asked for.
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await backend.backup(to: partial)
            let version = try await Self.checkCopy(at: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return BackupReport(path: path, bytes: bytes, schemaVersion: version)
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Runs `PRAGMA integrity_check` on the copy at `path` and returns its schema version.
    private static func checkCopy(at path: String) async throws -> Int {
        let copy = try await SQLiteBackend.open(path: path)
        do {
            let (integrity, version) = try await copy.read { db in
                let integrity = try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
                let version = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?.decode(column: "version", as: Int.self)
                return (integrity, version ?? 0)
            }
            try await copy.close()
            guard integrity == ["ok"] else { throw StoreError.backupDamaged(path: path, detail: integrity.prefix(3).joined(separator: "; ")) }
            return version
        } catch {
            try? await copy.close()
            throw error
        }
    }
}
