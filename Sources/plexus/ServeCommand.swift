import ArgumentParser
import Foundation
import PlexusClient
import PlexusServer

/// `plexus serve`: runs the API server until interrupted.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Plexus API server.",
        discussion: """
            Listens on 127.0.0.1:8080 and stores data in ./.plexus/plexus.sqlite unless told otherwise. \
            A postgres:// URL in --database or PLEXUS_DATABASE_URL selects PostgreSQL. Set PLEXUS_ADMIN_KEY \
            to choose the admin key created on first start. Ctrl-C or SIGTERM stops it after finishing in-flight requests.
            """
    )

    @Option(help: "Address to listen on (default 127.0.0.1; env PLEXUS_HOST).")
    var host: String?

    @Option(help: "Port to listen on (default 8080; env PLEXUS_PORT).")
    var port: Int?

    @Option(help: "SQLite file path or postgres://user:password@host:port/db URL (env PLEXUS_DATABASE_URL).")
    var database: String?

    @Option(help: "Largest request body accepted, in bytes (default 33554432; env PLEXUS_MAX_BODY_BYTES).")
    var maxBodyBytes: Int?

    @Option(help: "Log format: text or json, one JSON object per line (default text; env PLEXUS_LOG_FORMAT).")
    var logFormat: String?

    @Flag(help: "Let admin keys delete their account's pipeline performance records (DELETE /api/performance/reset).")
    var allowReset = false

    @Flag(help: "Load the demo (the example scorecards and data, results, evaluations, performance records) once the server listens.")
    var demo = false

    @Option(help: "The examples folder the demo loads (default: ./examples).")
    var examples = DemoCommand.defaultExamples

    func run() async throws {
        let configuration = try ServerConfiguration.resolve(
            host: host, port: port, database: database, maxBodyBytes: maxBodyBytes, allowReset: allowReset, logFormat: logFormat)
        configuration.logFormat.bootstrap()
        // Checked before the server starts, so a missing folder is said at once.
        let demoExamples = demo ? try DemoExamples.load(from: examples) : nil
        let (running, signal) = AsyncStream.makeStream(of: String.self)
        // Unbuffered, so the admin key shows up at once even when output goes to a file or pipe.
        let runner = PlexusServerRunner(configuration: configuration, announce: { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }, onRunning: { url in signal.yield(url) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            if let demoExamples {
                group.addTask {
                    for await url in running {
                        // A failed demo is reported, but the server keeps serving what it has.
                        do {
                            let settings = try ConnectionSettings.resolve(apiURL: url, apiKey: configuration.adminKey, credentialsPath: configuration.credentialsPath)
                            try await PlexusClient.withClient(baseURL: settings.apiURL, apiKey: settings.apiKey) { try await DemoCommand.load(demoExamples, with: $0) }
                        } catch {
                            FileHandle.standardError.write(Data("The demo was not loaded: \(error)\n".utf8))
                        }
                        return
                    }
                }
            }
            try await group.next()
            try await group.waitForAll()
        }
    }
}
