import ArgumentParser
import Foundation
import PlexusStore

/// `plexus backup`: a consistent copy of the SQLite database, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database to a new file while the server keeps running.",
        discussion: """
            Takes one consistent snapshot (SQLite's VACUUM INTO: every write acknowledged before it began), \
            checks the copy with PRAGMA integrity_check, and prints its size. Restore by stopping the server \
            and putting the copy in place of the database file (or point `plexus serve --database` at it). \
            PostgreSQL is backed up with pg_dump; see README, "Backups".
            """)

    @Option(help: "The SQLite file to copy (default ./.plexus/plexus.sqlite; env PLEXUS_DATABASE_URL).")
    var database: String?

    @Option(help: "The new file to write; an existing file is never overwritten.")
    var to: String

    func run() async throws {
        let location = try DatabaseLocation(parsing: database ?? ProcessInfo.processInfo.environment["PLEXUS_DATABASE_URL"] ?? ".plexus/plexus.sqlite")
        guard case .sqlite(let path) = location else { throw CommandFailure(description: StoreError.backupNeedsSQLite.description) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(description: "No database at \(path); give its path with --database (the server's --database).")
        }
        let store = try await SQLStore.open(location)
        do {
            let report = try await store.backup(to: to)
            try await store.close()
            print("Backed up \(path) to \(report.path): \(ByteCountFormatter.string(fromByteCount: Int64(report.bytes), countStyle: .file)), schema version \(report.schemaVersion), integrity ok.")
        } catch let error as StoreError {
            try? await store.close()
            throw CommandFailure(description: error.description)
        }
    }
}
