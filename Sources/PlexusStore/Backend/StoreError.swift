/// Failures of the store itself, as opposed to bad input (which is a `DomainError`).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database URL or path could not be understood.
    case invalidDatabaseURL(String)
    /// The database holds a schema newer than this build knows.
    case schemaTooNew(found: Int, known: Int)
    /// A stored value could not be read back.
    case corruptValue(column: String, detail: String)
    /// The database server cannot be reached (down, restarting, or refusing connections); the
    /// request may be retried once it is back.
    case databaseUnavailable(detail: String)
    /// The disk holding the SQLite database is full; the write was rolled back whole.
    case storageFull
    /// `backup(to:)` was asked of a PostgreSQL store, which `pg_dump` backs up.
    case backupNeedsSQLite
    /// A backup would overwrite an existing file.
    case backupTargetExists(path: String)
    /// The copy a backup wrote failed SQLite's integrity check (it is left for inspection).
    case backupDamaged(path: String, detail: String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url):
            return "Cannot use database '\(url)': give a file path for SQLite or a postgres://user:password@host:port/database URL."
        case .schemaTooNew(let found, let known):
            return "The database has schema version \(found) but this build knows only up to \(known); upgrade plexus."
        case .corruptValue(let column, let detail):
            return "Stored value in column '\(column)' cannot be read: \(detail)."
        case .databaseUnavailable(let detail):
            return "The database is unavailable (\(detail)); try again in a moment."
        case .storageFull:
            return "The disk holding the database is full, so nothing of this write was stored; free space (or move the database) and retry."
        case .backupNeedsSQLite:
            return "plexus backup copies SQLite databases; back up PostgreSQL with pg_dump (see README, \"Backups\")."
        case .backupTargetExists(let path):
            return "\(path) already exists; choose a new file name (a backup never overwrites one)."
        case .backupDamaged(let path, let detail):
            return "The backup at \(path) failed SQLite's integrity check (\(detail)); keep the original and try again."
        }
    }
}
