import Foundation
import Logging
import PostgresKit
import PostgresNIO

/// PostgreSQL through postgres-nio's connection pool; writes run in `BEGIN … COMMIT` transactions.
public final class PostgresBackend: SQLBackend {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    /// Connects to the server named by a `postgres://user:password@host:port/database` URL.
    public init(url: String, logger: Logger = Logger(label: "plexus.postgres")) throws {
        let configuration = try Self.configuration(from: url)
        // The pool warns when it is used before `run()` has started, which is harmless here: the
        // lease just waits. Only errors of the background machinery are worth a log line.
        var backgroundLogger = logger
        backgroundLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        self.client = client
        self.logger = logger
        // The pool only works while `run()` is running; it ends when the task is cancelled in `close()`.
        self.runner = Task { await client.run() }
    }

    /// Parses a PostgreSQL URL into a client configuration.
    static func configuration(from url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), let host = components.host,
              ["postgres", "postgresql"].contains(components.scheme ?? "")
        else {
            throw StoreError.invalidDatabaseURL(url)
        }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable
        )
        configuration.options.maximumConnections = 8
        return configuration
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        // A hand-written BEGIN/COMMIT (rather than `withTransaction`) so the body's own error is
        // rethrown as it is, not wrapped, and the server can map it to a response.
        try await client.withConnection { connection in
            let db = connection.sql(queryLogLevel: nil)
            try await Self.control(db, "BEGIN")
            do {
                let value = try await body(PostgresTransaction(connection: connection, logger: logger))
                try await Self.control(db, "COMMIT")
                return value
            } catch {
                try? await Self.control(db, "ROLLBACK")
                throw error
            }
        }
    }

    /// Runs a transaction-control statement in its own task, so a cancelled caller can never hand
    /// a connection back to the pool inside an open transaction.
    private static func control(_ db: any SQLDatabase, _ statement: String) async throws {
        try await Task { try await db.raw(SQLQueryString(statement)).run() }.value
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }
}
