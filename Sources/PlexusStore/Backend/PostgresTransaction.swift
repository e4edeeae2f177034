import Logging
import PostgresKit
import PostgresNIO

/// A write transaction on one pooled PostgreSQL connection.
struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger

    var sql: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    /// Rows go as one array per column, `INSERT … SELECT * FROM unnest($1::text[], …)`: a handful
    /// of binds however many rows, which is far faster than a bind per value.
    func insert(_ insert: BulkInsert, rows: [[SQLValue]]) async throws -> [String] {
        guard !rows.isEmpty else { return [] }
        var bindings = PostgresBindings(capacity: insert.columns.count)
        var casts: [String] = []
        for (index, column) in insert.columns.enumerated() {
            try bindings.append(PostgresColumnArray(type: column.type, values: rows.map { $0[index] }))
            casts.append("$\(index + 1)::\(column.type.rawValue)[]")
        }
        let statement = insert.head + " SELECT * FROM unnest(" + casts.joined(separator: ", ") + ")" + insert.tail
        let result = try await connection.query(PostgresQuery(unsafeSQL: statement, binds: bindings), logger: logger)
        var returned: [String] = []
        for try await row in result where insert.returning != nil {
            returned.append(try row.decode(String.self))
        }
        return returned
    }
}
