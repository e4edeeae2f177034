import Foundation
import Logging
import PostgresKit
import NIOPosix
import PostgresNIO
import Synchronization

/// PostgreSQL through postgres-nio's connection pool; writes run in `BEGIN … COMMIT` transactions.
public final class PostgresBackend: SQLBackend {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let leaseTimeout: Duration
    private let address: (host: String, port: Int)

    /// Connects to the server named by a `postgres://user:password@host:port/database` URL. An
    /// operation still waiting for a connection after `leaseTimeout` checks whether the server
    /// accepts connections at all: if it does, the pool is only busy and the wait goes on; if not
    /// (down or restarting), the operation fails with ``StoreError/databaseUnavailable(detail:)``
    /// instead of waiting out the outage. The pool keeps reconnecting meanwhile, so service
    /// resumes by itself once the server is back.
    public init(url: String, leaseTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "plexus.postgres")) throws {
        let configuration = try Self.configuration(from: url)
        // The pool warns when it is used before `run()` has started, which is harmless here: the
        // lease just waits. Only errors of the background machinery are worth a log line.
        var backgroundLogger = logger
        backgroundLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        self.client = client
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        address = (configuration.host ?? "127.0.0.1", configuration.port ?? 5432)
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
        try await withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        // A hand-written BEGIN/COMMIT (rather than `withTransaction`) so the body's own error is
        // rethrown as it is, not wrapped, and the server can map it to a response.
        let logger = logger
        return try await withConnection { connection in
            let db = connection.sql(queryLogLevel: nil)
            try await Self.control(db, "BEGIN")
            do {
                let value = try await body(PostgresTransaction(connection: connection, logger: logger))
                try await Self.control(db, "COMMIT")
                return value
            } catch {
                // A closed connection has no transaction left to roll back (the server ended it).
                if !connection.isClosed { try? await Self.control(db, "ROLLBACK") }
                throw error
            }
        }
    }

    /// Runs `body` on a pooled connection, failing with ``StoreError/databaseUnavailable(detail:)``
    /// when none comes within the lease timeout or the connection breaks, rather than with the
    /// driver's error (or a wait as long as the outage, or forever: see ``LostReplyWatch``).
    private func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let leased = LeaseFlag()
        let (client, leaseTimeout, address) = (client, leaseTimeout, address)
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.set()
                        return try await LostReplyWatch.run(on: connection, grace: .seconds(2), body)
                    }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: leaseTimeout)
                        if leased.isSet { return nil }
                        guard await Self.acceptsConnections(host: address.host, port: address.port) else {
                            throw StoreError.databaseUnavailable(detail: "PostgreSQL at \(address.host):\(address.port) does not accept connections")
                        }
                    }
                }
                for try await result in group {
                    if let result {
                        group.cancelAll()
                        return result
                    }
                }
                throw CancellationError()
            }
        } catch let error as PSQLError where Self.meansUnavailable(error) {
            throw StoreError.databaseUnavailable(detail: Self.describe(error))
        }
    }

    /// Whether something accepts a TCP connection at `host:port` within a second.
    private static func acceptsConnections(host: String, port: Int) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(1))
                .connect(host: host, port: port).get()
            try? await channel.close().get()
            return true
        } catch {
            return false
        }
    }

    /// Connection failures, and the server shutting down or restarting (SQLSTATE classes 08 and 57).
    private static func meansUnavailable(_ error: PSQLError) -> Bool {
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed: return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57")
        default: return false
        }
    }

    private static func describe(_ error: PSQLError) -> String {
        error.serverInfo?[.message].map { "PostgreSQL: \($0)" } ?? "the connection to PostgreSQL failed (\(error.code))"
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

/// Set once a connection has been leased, read by the lease timer.
private final class LeaseFlag: Sendable {
    private let value = Atomic(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() {
        value.store(true, ordering: .releasing)
    }
}
