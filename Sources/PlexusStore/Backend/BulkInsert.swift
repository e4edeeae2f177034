/// A multi-row INSERT of many rows into one table, which each backend runs its fastest way.
public struct BulkInsert: Sendable {
    /// The SQL type of a column, which PostgreSQL's array binds need.
    public enum ColumnType: String, Sendable {
        case text, bigint, double = "double precision"
    }

    /// A column and its type.
    public struct Column: Sendable {
        let name: String
        let type: ColumnType

        init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    let table: String
    let columns: [Column]
    /// `ON CONFLICT DO NOTHING`: rows that would break a unique index are skipped, not failed.
    var ignoringConflicts = false
    /// `ON CONFLICT (target) DO UPDATE SET column = excluded.column, …`: rows that match a stored
    /// one on `target` replace its `columns`. A batch must not hold two rows with the same target.
    var updatingOnConflict: (target: String, columns: [String])?
    /// A text column to return for each row actually inserted.
    var returning: String?

    /// The SQL up to `VALUES` / `SELECT`, and the clauses after the rows.
    var head: String { "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", ")))" }
    var tail: String {
        let upsert = updatingOnConflict.map { target, columns in
            " ON CONFLICT (\(target)) DO UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        return (ignoringConflicts ? " ON CONFLICT DO NOTHING" : "") + (upsert ?? "") + (returning.map { " RETURNING \($0)" } ?? "")
    }
}
