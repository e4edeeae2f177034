import Foundation
import PlexusStore
import SQLKit

/// The databases the test suites run against: SQLite always, PostgreSQL when
/// `PLEXUS_TEST_POSTGRES_URL` names a server (CI sets it, and `PLEXUS_REQUIRE_POSTGRES=1`).
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The server URL for PostgreSQL tests, if configured.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["PLEXUS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the run must include PostgreSQL (so a missing server fails instead of being skipped).
    public static var postgresRequired: Bool {
        ProcessInfo.processInfo.environment["PLEXUS_REQUIRE_POSTGRES"] == "1"
    }

    /// The databases available in this run.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    /// Runs `body` with a store on a brand-new, empty database that is deleted afterwards.
    public func withStore<T: Sendable>(
        environment: StoreEnvironment = .system, _ body: (SQLStore) async throws -> T
    ) async throws -> T {
        let (location, cleanup) = try await makeEmptyDatabase()
        let store = try await SQLStore.open(location, environment: environment)
        do {
            let value = try await body(store)
            try await store.close()
            try await cleanup()
            return value
        } catch {
            try? await store.close()
            try? await cleanup()
            throw error
        }
    }

    /// Creates an empty database and returns where it is and how to delete it.
    public func makeEmptyDatabase() async throws -> (DatabaseLocation, @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-test-\(UUID().uuidString)")
            let path = folder.appendingPathComponent("plexus.sqlite").path
            return (.sqlite(path: path), { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            guard let url = Self.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            return try await Self.makeEmptyPostgres(serverURL: url)
        }
    }

    /// Creates an empty database on the PostgreSQL server at `serverURL` (any database of it) and
    /// returns where it is and how to drop it.
    public static func makeEmptyPostgres(
        serverURL url: String, prefix: String = "plexus_t_"
    ) async throws -> (DatabaseLocation, @Sendable () async throws -> Void) {
        let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresBackend(url: url)
        do {
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        } catch {
            try? await admin.close()
            throw error
        }
        let databaseURL = Self.replacingDatabase(in: url, with: name)
        return (.postgres(url: databaseURL), {
            try await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
            try await admin.close()
        })
    }

    private static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}

/// Why a test database could not be made.
public enum TestDatabaseError: Error, CustomStringConvertible {
    case postgresNotConfigured

    public var description: String {
        "Set PLEXUS_TEST_POSTGRES_URL (scripts/start-postgres.sh prints one) to run the PostgreSQL tests."
    }
}
