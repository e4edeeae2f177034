import SQLKit

/// A database Plexus can keep its data in: how to read, and how to write inside one transaction.
///
/// Everything that differs between SQLite and PostgreSQL lives in a conformance of this protocol
/// (connections, transactions, pragmas) or in SQLKit's dialect (placeholders, quoting); the SQL
/// the store writes is the same for both.
public protocol SQLBackend: Sendable {
    /// Runs `body` with a connection for reading.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` inside one transaction: all of its writes land, or none do.
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> T) async throws -> T
    /// Writes one consistent snapshot of the database to a new file at `path`, without holding
    /// writers back. Only SQLite can (PostgreSQL is backed up with `pg_dump`); the default throws
    /// ``StoreError/backupNeedsSQLite``.
    func backup(to path: String) async throws
    /// Closes every connection.
    func close() async throws
}

extension SQLBackend {
    public func backup(to path: String) async throws {
        throw StoreError.backupNeedsSQLite
    }
}
