import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusClient
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport

/// The real Plexus server, live on a free local port over a fresh SQLite database that holds the
/// `default` account and the ``Fixtures/callQA`` scorecard.
struct LiveServer: Sendable {
    let store: SQLStore
    let adminKey: String
    let port: Int
    let account: Account
    let scorecard: Scorecard

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs `body` against a new server; with `faults`, the routes sit behind a ``FaultInjectingResponder``.
    /// `sourceValidator` checks pushed scorecard sources (by default the real parser); `configuration`
    /// sets the server's limits (its port is always a free one).
    static func run(
        faults: FaultPlan? = nil, sourceValidator: ScorecardSourceValidator = .parser(), configuration: ServerConfiguration = ServerConfiguration(),
        _ body: @escaping @Sendable (LiveServer) async throws -> Void
    ) async throws {
        try await TestDatabase.sqlite.withStore { store in
            let adminKey = try await store.bootstrap(adminKey: nil)!
            let account = try await store.account("default")!
            let scorecard = try await store.createScorecard(Fixtures.callQA, accountID: account.id)
            var configuration = configuration
            configuration.port = 0
            let test: @Sendable (any TestClientProtocol) async throws -> Void = { client in
                try await body(LiveServer(store: store, adminKey: adminKey, port: client.port!, account: account, scorecard: scorecard))
            }
            if let faults {
                let responder = FaultInjectingResponder(base: buildRouter(configuration: configuration, store: store, sourceValidator: sourceValidator).buildResponder(), faults: faults)
                let app = Application(
                    responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Fixtures.quietLogger)
                try await app.test(.live, test)
            } else {
                try await buildApplication(configuration: configuration, store: store, logger: Fixtures.quietLogger, sourceValidator: sourceValidator)
                    .test(.live, test)
            }
        }
    }

    /// A client of this server with the admin key, the ``Fixtures/context`` and quick retries.
    func client(
        _ configuration: ClientConfiguration = Fixtures.configuration(), context: ClientContext = Fixtures.context, apiKey: String? = nil
    ) throws -> PlexusClient {
        try PlexusClient(baseURL: baseURL, apiKey: apiKey ?? adminKey, context: context, configuration: configuration)
    }

    /// Every score result stored in the `default` account that `filter` selects, read from the store directly.
    func storedResults(_ filter: ScoreResultFilter = ScoreResultFilter()) async throws -> [ScoreResult] {
        var results: [ScoreResult] = []
        var page = try PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let batch = try await store.scoreResults(accountID: account.id, filter: filter, page: page)
            results += batch.data
            guard let cursor = batch.nextCursor else { return results }
            page = try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)
        }
    }
}
