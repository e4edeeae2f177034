/// Where the store keeps its data: an SQLite file, or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file, created on first use.
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The default: `./.plexus/plexus.sqlite`.
    public static let defaultSQLite = DatabaseLocation.sqlite(path: ".plexus/plexus.sqlite")

    /// Reads a `--database` value: a `postgres://` or `postgresql://` URL selects PostgreSQL;
    /// `sqlite://PATH` or a plain path selects SQLite.
    public init(parsing value: String) throws {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else if value.hasPrefix("sqlite://") {
            self = .sqlite(path: String(value.dropFirst("sqlite://".count)))
        } else if value.contains("://") || value.isEmpty {
            throw StoreError.invalidDatabaseURL(value)
        } else {
            self = .sqlite(path: value)
        }
    }

    /// The location with any password hidden, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return "PostgreSQL" }
            return "PostgreSQL at \(url[scheme.upperBound..<at].split(separator: ":").first ?? "")@\(url[url.index(after: at)...])"
        }
    }
}
