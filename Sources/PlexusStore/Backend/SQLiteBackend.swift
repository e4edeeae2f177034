import Foundation
import Logging
import SQLiteKit
import Synchronization

/// SQLite in one file: one writer connection serialised by a lock, a few reader connections (WAL mode).
///
/// WAL with `synchronous=NORMAL` keeps every committed transaction when the process is killed;
/// only a power loss can take back the last few commits.
public final class SQLiteBackend: SQLBackend {
    private let path: String
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let readerLocks: [AsyncLock]
    private let nextReader = Atomic<UInt>(0)
    private let logger: Logger
    private let writeLock = AsyncLock()

    /// Opens (creating if needed) the database file at `path`, and its parent folder.
    public static func open(path: String, readerCount: Int = 3, logger: Logger = Logger(label: "plexus.sqlite")) async throws -> SQLiteBackend {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        try await configure(writer, statements: Self.pragmas + ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"])
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            try await configure(reader, statements: Self.pragmas + ["PRAGMA query_only=ON"])
            readers.append(reader)
        }
        return SQLiteBackend(path: path, writer: writer, readers: readers, logger: logger)
    }

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.readerLocks = readers.map { _ in AsyncLock() }
        self.logger = logger
    }

    /// Every connection: enforce foreign keys, and a 64 MiB page cache (SQLite's default of 2 MiB
    /// makes index updates thrash once tables pass a few hundred thousand rows).
    private static let pragmas = ["PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY"]

    private static func configure(_ connection: SQLiteConnection, statements: [String]) async throws {
        for statement in statements {
            try await connection.query(statement, [], { _ in })
        }
    }

    /// Runs `body` on one reader connection, alone: SQLiteNIO runs each query on a thread pool, so
    /// two queries on one connection at once would interleave their statements, and the second
    /// would read in the first one's snapshot, missing writes committed in between (a result just
    /// created could answer 404).
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = Int(nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(readers.count))
        let reader = readers[index]
        return try await readerLocks[index].withLock {
            try await body(reader.sql(queryLogLevel: nil))
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` on the writer. A full disk rolls the whole
    /// transaction back and is reported as ``StoreError/storageFull``: SQLite keeps the file
    /// intact, and writes work again once there is space.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        let writer = self.writer
        do {
            return try await writeLock.withLock {
                try await Self.control(writer, "BEGIN IMMEDIATE")
                do {
                    let value = try await body(SQLiteTransaction(connection: writer))
                    try await Self.control(writer, "COMMIT")
                    return value
                } catch {
                    try? await Self.control(writer, "ROLLBACK")
                    throw error
                }
            }
        } catch let error as SQLiteError where Self.meansDiskFull(error) {
            throw StoreError.storageFull
        }
    }

    /// `SQLITE_FULL`: the file system (or the database's size limit) had no room.
    private static func meansDiskFull(_ error: SQLiteError) -> Bool {
        if case .full = error.reason { return true }
        return false
    }

    /// Runs a transaction-control statement in its own task, so a cancelled caller can never leave
    /// the writer inside an open transaction (every later BEGIN would then fail).
    private static func control(_ connection: SQLiteConnection, _ statement: String) async throws {
        try await Task { try await connection.query(statement, [], { _ in }) }.value
    }

    /// Copies the database with `VACUUM INTO` on a connection of its own (the readers are
    /// query-only, the writer's lock is for transactions): it reads one WAL snapshot, so writers
    /// go on meanwhile and the copy holds exactly the transactions committed before it began.
    public func backup(to path: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: self.path), logger: logger)
        do {
            try await connection.query("VACUUM INTO ?", [.text(path)], { _ in })
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    public func close() async throws {
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
