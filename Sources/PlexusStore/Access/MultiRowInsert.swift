import SQLKit

/// Builds one `INSERT … VALUES (…), (…), …` statement for many rows.
struct MultiRowInsert: Sendable {
    let table: String
    let columns: [String]
    /// `ON CONFLICT DO NOTHING`: rows that would violate a unique index are skipped, not failed.
    var ignoringConflicts = false
    /// A column to return for each row actually inserted.
    var returning: String?

    func statement(rows: [[any Encodable & Sendable]]) -> SQLQueryString {
        var sql: SQLQueryString = "INSERT INTO \(ident: table) (\(idents: columns, joinedBy: ", ")) VALUES "
        sql += rows.map { row in "(\(binds: row))" as SQLQueryString }.joined(separator: ", ")
        if ignoringConflicts { sql += " ON CONFLICT DO NOTHING" }
        if let returning { sql += " RETURNING \(ident: returning)" }
        return sql
    }

    /// Inserts `rows` in chunks the database accepts, returning the `returning` column of inserted rows.
    func run(_ rows: [[any Encodable & Sendable]], on db: any SQLDatabase, chunkSize: Int) async throws -> [String] {
        var inserted: [String] = []
        var start = 0
        while start < rows.count {
            let end = min(start + chunkSize, rows.count)
            let statement = statement(rows: Array(rows[start..<end]))
            if let returning {
                for row in try await db.raw(statement).all() {
                    inserted.append(try row.decode(column: returning, as: String.self))
                }
            } else {
                try await db.raw(statement).run()
            }
            start = end
        }
        return inserted
    }
}
