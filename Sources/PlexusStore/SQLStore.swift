import Foundation
import PlexusCore
import SQLKit

/// Plexus's persistence: accounts, scorecards, items, labels, score results and evaluations, over
/// SQLite or PostgreSQL with one schema.
///
/// Every method that touches tenant data takes the caller's account ID and never reads or writes
/// another account's rows. Batch writes run in one transaction with multi-row INSERTs.
public final class SQLStore: Sendable {
    let backend: any SQLBackend
    let environment: StoreEnvironment
    private let changeStream: AsyncStream<StoreChange>
    private let changeContinuation: AsyncStream<StoreChange>.Continuation

    /// Opens the database at `location` and brings its schema up to date; `observer`, when given,
    /// is told about every read and write (the server exports them as metrics).
    public static func open(
        _ location: DatabaseLocation, environment: StoreEnvironment = .system, observer: (any StoreObserver)? = nil
    ) async throws -> SQLStore {
        var backend: any SQLBackend
        switch location {
        case .sqlite(let path): backend = try await SQLiteBackend.open(path: path)
        case .postgres(let url): backend = try PostgresBackend(url: url)
        }
        if let observer { backend = ObservedBackend(base: backend, observer: observer) }
        return try await open(backend: backend, environment: environment)
    }

    /// Uses an open backend and brings its schema up to date.
    public static func open(backend: any SQLBackend, environment: StoreEnvironment = .system) async throws -> SQLStore {
        try await Migrator(backend: backend, clock: environment).migrate()
        return SQLStore(backend: backend, environment: environment)
    }

    private init(backend: any SQLBackend, environment: StoreEnvironment) {
        self.backend = backend
        self.environment = environment
        // Keeps only the newest changes when nobody reads them (the CLI, benchmarks), so writes never wait on readers.
        (changeStream, changeContinuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(1024))
    }

    /// Changes committed by this store, in commit order, for one reader (the server's broadcaster).
    public var changes: AsyncStream<StoreChange> { changeStream }

    /// Announces a committed change.
    func publish(_ change: StoreChange) {
        changeContinuation.yield(change)
    }

    /// Closes the database connections.
    public func close() async throws {
        changeContinuation.finish()
        try await backend.close()
    }

    /// A new unique ID of the given entity type.
    func newID<Entity>() -> Identifier<Entity> { Identifier(environment.newID()) }
}

extension SQLStore {
    /// Checks that the database answers a trivial query.
    public func ping() async throws {
        try await backend.read { db in try await db.raw("SELECT 1 AS one").run() }
    }
}
