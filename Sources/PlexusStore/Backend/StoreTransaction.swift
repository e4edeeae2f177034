import SQLKit

/// The connection of one write transaction: SQLKit for ordinary statements, and a bulk insert
/// that each backend implements natively (SQLite binds, PostgreSQL `unnest` arrays).
public protocol StoreTransaction: Sendable {
    /// The transaction's connection, for ordinary SQL.
    var sql: any SQLDatabase { get }
    /// Inserts `rows` (each in `insert.columns` order) and returns the `returning` column of the rows inserted.
    func insert(_ insert: BulkInsert, rows: [[SQLValue]]) async throws -> [String]
}
