import Foundation
import Hummingbird
import Logging
import PlexusCore
import PlexusStore
import ServiceLifecycle

/// What `plexus serve` does: open the store, create the first account and key on an empty
/// database, then serve until SIGINT or SIGTERM, finishing in-flight requests before exit.
public struct PlexusServerRunner: Sendable {
    /// The configuration to serve with.
    public let configuration: ServerConfiguration
    /// Where progress and problems are logged.
    public let logger: Logger
    /// Receives lines meant for the person at the terminal (the new admin key, the URL).
    public let announce: @Sendable (String) -> Void
    /// Called with the server's URL once it listens (and any new key is saved).
    public let onRunning: @Sendable (String) -> Void

    /// Creates a runner.
    public init(
        configuration: ServerConfiguration, logger: Logger = Logger(label: "plexus.server"),
        announce: @escaping @Sendable (String) -> Void = { print($0) }, onRunning: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.announce = announce
        self.onRunning = onRunning
    }

    /// Serves until the process is asked to stop.
    public func run() async throws {
        let metrics = ServerMetrics()
        let store = try await SQLStore.open(configuration.database, observer: metrics)
        do {
            let newKey = try await bootstrap(store)
            let app = buildApplication(configuration: configuration, store: store, logger: logger, metrics: metrics) { port in
                announceRunning(port: port, newKey: newKey)
            }
            try await serve(app)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Runs until SIGTERM or SIGINT, then lets in-flight requests finish for at most the grace period.
    private func serve(_ app: some ApplicationProtocol) async throws {
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        let watchdog = ShutdownWatchdog(deadline: configuration.shutdownGracePeriod, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { [configuration] group in
            group.addTask {
                do {
                    try await services.run()
                } catch {
                    throw ServerStartError.from(error, host: configuration.host, port: configuration.port) ?? error
                }
            }
            group.addTask { await watchdog.run() }
            // The services end on a graceful shutdown; the watchdog is then no longer needed.
            try await group.next()
            group.cancelAll()
        }
    }

    /// The URL clients on this machine use to reach `port`.
    func baseURL(port: Int) -> String {
        let host = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
        return "http://\(host):\(port)"
    }

    /// Creates the first account and key on an empty database and shows the key; returns it when new.
    private func bootstrap(_ store: SQLStore) async throws -> String? {
        guard let key = try await store.bootstrap(adminKey: configuration.adminKey) else { return nil }
        if configuration.adminKey == nil {
            announce("Created the 'default' account and its admin API key (shown only once):\n\n    \(key)\n")
        } else {
            announce("Created the 'default' account with the admin key from PLEXUS_ADMIN_KEY.")
        }
        return key
    }

    /// Once the port is known (it may have been 0), saves a new key with the URL and says where to go.
    private func announceRunning(port: Int, newKey: String?) {
        let url = baseURL(port: port)
        if let newKey {
            do {
                try saveCredentials(Credentials(apiURL: url, apiKey: newKey))
                announce("Saved it to \(configuration.credentialsPath) (mode 0600), where the plexus CLI finds it.")
            } catch {
                announce("Could not save the key to \(configuration.credentialsPath): \(error). Keep the key shown above.")
            }
        }
        announce("Plexus is serving \(configuration.database) at \(url) — dashboard at \(url)/, API docs at \(url)/docs")
        onRunning(url)
    }

    private func saveCredentials(_ credentials: Credentials) throws {
        let url = URL(fileURLWithPath: configuration.credentialsPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try PlexusJSON.encoder().encode(credentials)
        // Create the file with owner-only permissions before writing the secret into it.
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ServerStartError.credentialsNotWritable(path: configuration.credentialsPath)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try data.write(to: url)
    }
}
