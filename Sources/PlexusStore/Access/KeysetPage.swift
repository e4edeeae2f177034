import PlexusCore
import SQLKit

/// The `AND … ORDER BY … LIMIT` tail of a newest-first listing over `(created_at, id)`.
enum KeysetPage {
    static func clause(_ page: PageRequest, table: String = "") throws -> SQLQueryString {
        let prefix = table.isEmpty ? "" : "\(table)."
        var sql: SQLQueryString = ""
        if let token = page.cursor {
            let cursor = try Cursor(token: token)
            sql += " AND (\(unsafeRaw: prefix)created_at < \(bind: cursor.micros) OR (\(unsafeRaw: prefix)created_at = \(bind: cursor.micros) AND \(unsafeRaw: prefix)id < \(bind: cursor.id)))"
        }
        sql += " ORDER BY \(unsafeRaw: prefix)created_at DESC, \(unsafeRaw: prefix)id DESC LIMIT \(literal: page.limit)"
        return sql
    }
}
