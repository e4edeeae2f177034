import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport
import Testing

/// A test server whose scorecards may use the standard classifier types (the job runner builds
/// them), with a fast-polling job runner, and a way to wait for a job to end.
enum JobHarness {
    /// Runs `body` against a new server on `database`; `prepare` runs on the store before the server
    /// (and its job runner) starts, to leave behind what a killed process would.
    static func run(
        _ database: TestDatabase, prepare: @Sendable (SQLStore, Identifier<Account>) async throws -> Void = { _, _ in },
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        try await database.withStore { store in
            let adminKey = try #require(try await store.bootstrap(adminKey: nil))
            let principal = try #require(try await store.principal(forToken: adminKey))
            try await prepare(store, principal.accountID)
            var configuration = ServerConfiguration()
            configuration.jobPollInterval = .milliseconds(20)
            configuration.jobLease = .milliseconds(400)
            let app = buildApplication(configuration: configuration, store: store, sourceValidator: .parser())
            try await app.test(.router) { client in
                try await body(TestServer(client: client, store: store, adminKey: adminKey))
            }
        }
    }

    /// Polls the job until it has ended (or 20 s have passed) and returns its last reading.
    static func finished(_ job: TestServer.Reply, on server: TestServer, key: String? = nil) async throws -> JSONValue {
        try await finished(id: try #require(job.json["id"]?.stringValue, "no job in \(job.text)"), on: server, key: key)
    }

    /// Polls job `id` until it has ended (or 90 s have passed: a deadline against hangs, generous
    /// for a busy CI machine) and returns its last reading.
    static func finished(id: String, on server: TestServer, key: String? = nil) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(90)
        while true {
            let reply = try await server.request(.get, "/api/v1/jobs/\(id)", key: key)
            let status = reply.json["status"]?.stringValue
            if status == "completed" || status == "failed" || ContinuousClock.now > deadline { return reply.json }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
