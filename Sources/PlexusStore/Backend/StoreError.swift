/// Failures of the store itself, as opposed to bad input (which is a `DomainError`).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database URL or path could not be understood.
    case invalidDatabaseURL(String)
    /// The database holds a schema newer than this build knows.
    case schemaTooNew(found: Int, known: Int)
    /// A stored value could not be read back.
    case corruptValue(column: String, detail: String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url):
            return "Cannot use database '\(url)': give a file path for SQLite or a postgres://user:password@host:port/database URL."
        case .schemaTooNew(let found, let known):
            return "The database has schema version \(found) but this build knows only up to \(known); upgrade plexus."
        case .corruptValue(let column, let detail):
            return "Stored value in column '\(column)' cannot be read: \(detail)."
        }
    }
}
