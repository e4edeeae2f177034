import SQLiteKit
import Synchronization

/// A write transaction on the SQLite writer connection.
struct SQLiteTransaction: StoreTransaction {
    let connection: SQLiteConnection

    var sql: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    /// SQLite allows 32,766 bound values per statement.
    private static let maximumBinds = 32_766

    func insert(_ insert: BulkInsert, rows: [[SQLValue]]) async throws -> [String] {
        let rowsPerStatement = max(1, Self.maximumBinds / insert.columns.count)
        let placeholders = "(" + Array(repeating: "?", count: insert.columns.count).joined(separator: ", ") + ")"
        let returned = Mutex<[String]>([])
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            let statement = insert.head + " VALUES " + Array(repeating: placeholders, count: chunk.count).joined(separator: ", ") + insert.tail
            let binds = chunk.flatMap { $0.map(Self.data) }
            try await connection.query(statement, binds) { row in
                if let value = row.columns.first?.data.string { returned.withLock { $0.append(value) } }
            }
            start += chunk.count
        }
        return returned.withLock { $0 }
    }

    private static func data(_ value: SQLValue) -> SQLiteData {
        switch value {
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(Int(number))
        case .real(let number): return .float(number)
        case .null: return .null
        }
    }
}
