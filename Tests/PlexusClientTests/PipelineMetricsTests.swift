import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PlexusClient
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport
import Synchronization
import Testing

@Suite("Pipeline metrics recorder")
struct PipelineMetricsTests {
    /// A live server that counts every request it gets, whatever its path.
    private func withCountingServer(_ body: @escaping @Sendable (_ baseURL: String, _ key: String, _ store: SQLStore, _ account: Account, _ requests: @escaping @Sendable () -> [String]) async throws -> Void) async throws {
        try await TestDatabase.sqlite.withStore { store in
            let key = try await store.bootstrap(adminKey: nil)!
            let account = try await store.account("default")!
            let seen = Mutex<[String]>([])
            let responder = CountingResponder(base: buildRouter(configuration: ServerConfiguration(port: 0), store: store).buildResponder()) { request in
                seen.withLock { $0.append("\(request.method) \(request.uri.path)") }
            }
            let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: Fixtures.quietLogger)
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(client.port!)", key, store, account) { seen.withLock { $0 } }
            }
        }
    }

    /// The default timeout is generous: tests that are not about timeouts must not fail because a
    /// busy CI machine (two cores, many live servers) kept one batch waiting for a few seconds.
    private func configuration(enabled: Bool, timeout: Duration = .seconds(60), interval: Duration = .seconds(60)) -> ClientConfiguration {
        var configuration = Fixtures.configuration(batchInterval: interval)
        configuration.pipelineMetricsEnabled = enabled
        configuration.pipelineMetricsTimeout = timeout
        return configuration
    }

    /// Records `count` items as a pipeline would and returns the longest single call.
    private func recordMany(_ client: PlexusClient, count: Int) -> Duration {
        var longest = Duration.zero
        for index in 0..<count {
            let start = ContinuousClock.now
            client.recordPipelineMetrics(
                processingType: index.isMultiple(of: 2) ? .earlyExit : .full, contentType: "transcript", qualityScore: 0.8,
                processingTime: 1.2, exitCheckpoint: "pre_check", exitReason: "short", exitConfidence: 0.9, timeSavedPct: 40)
            longest = max(longest, .now - start)
        }
        return longest
    }

    @Test("Off, recording sends nothing at all")
    func off() async throws {
        try await withCountingServer { baseURL, key, store, account, requests in
            let client = try PlexusClient(baseURL: baseURL, apiKey: key, configuration: configuration(enabled: false))
            _ = recordMany(client, count: 100)
            await client.flush()
            await client.shutdown()
            #expect(requests().isEmpty)
            #expect(try await store.performanceSummary(accountID: account.id, window: .lastDay).totalProcessed == 0)
            let stats = await client.stats
            #expect(stats.pipelineMetricsSent == 0 && stats.pipelineMetricsFailed == 0)
        }
    }

    @Test("On, records arrive in one batch request with every field")
    func on() async throws {
        try await withCountingServer { baseURL, key, store, account, requests in
            let client = try PlexusClient(baseURL: baseURL, apiKey: key, configuration: configuration(enabled: true))
            _ = recordMany(client, count: 10)
            client.recordPipelineMetrics(processingType: .lightweight, contentType: "email", coherence: 0.5, completeness: 0.6, informativeness: 0.7)
            await client.flush()
            #expect(requests() == ["POST /api/performance/record/batch"])
            let overview = try await store.performanceOverview(accountID: account.id, window: .lastDay)
            #expect(overview.overallMetrics.totalProcessed == 11 && overview.overallMetrics.earlyExits == 5 && overview.overallMetrics.qualityBypassed == 1)
            #expect(overview.checkpointAnalytics.first?.topExitReasons == [ExitReasonCount(reason: "short", count: 5)])
            #expect(overview.qualityTrends.last?.informativenessScore == 0.7)
            #expect(await client.stats.pipelineMetricsSent == 11)
            await client.shutdown()
        }
    }

    @Test("Queued records go out by themselves once the batch interval has passed")
    func interval() async throws {
        try await withCountingServer { baseURL, key, store, account, _ in
            let client = try PlexusClient(baseURL: baseURL, apiKey: key, configuration: configuration(enabled: true, interval: .milliseconds(200)))
            _ = recordMany(client, count: 3)
            #expect(try await eventually { await client.stats.pipelineMetricsSent == 3 })
            #expect(try await store.performanceSummary(accountID: account.id, window: .lastDay).totalProcessed == 3)
            await client.shutdown()
        }
    }

    @Test("With nothing listening, calls return at once and the failures are counted")
    func deadServer() async throws {
        let listener = try SilentListener()
        listener.close()
        let client = try PlexusClient(
            baseURL: "http://127.0.0.1:\(listener.port)", apiKey: "key", configuration: configuration(enabled: true, timeout: .milliseconds(500)))
        let start = ContinuousClock.now
        let longest = recordMany(client, count: 1_000)
        #expect(longest < .milliseconds(50) && ContinuousClock.now - start < .seconds(1))
        await client.flush()
        let stats = await client.stats
        #expect(stats.pipelineMetricsFailed == 1_000 && stats.pipelineMetricsSent == 0 && stats.retries == 0)
        await client.shutdown()
    }

    @Test("A server that never answers is given up on after the timeout, without holding up the caller")
    func hangingServer() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let client = try PlexusClient(
            baseURL: "http://127.0.0.1:\(listener.port)", apiKey: "key", configuration: configuration(enabled: true, timeout: .milliseconds(300)))
        _ = recordMany(client, count: 600)
        // The first batch of 500 is now waiting for an answer that never comes; recording goes on regardless.
        #expect(recordMany(client, count: 100) < .milliseconds(50))
        let start = ContinuousClock.now
        await client.flush()
        // Without the timeout, flush would wait forever; the bound is loose because a busy machine
        // (CI builds on two cores) can stretch two 300 ms timeouts to seconds.
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(await client.stats.pipelineMetricsFailed == 700)
        await client.shutdown()
    }

    @Test("Invalid values and records after shutdown are dropped and counted, never thrown")
    func dropped() async throws {
        try await withCountingServer { baseURL, key, store, account, requests in
            let client = try PlexusClient(baseURL: baseURL, apiKey: key, configuration: configuration(enabled: true))
            client.recordPipelineMetrics(processingType: .full, qualityScore: 1.5)
            client.recordPipelineMetrics(processingType: .lightweight, timeSavedPct: -3)
            client.recordPipelineMetrics(processingType: .full, qualityScore: 0.5)
            await client.shutdown()
            client.recordPipelineMetrics(processingType: .full)
            let stats = await client.stats
            #expect(stats.pipelineMetricsFailed == 3 && stats.pipelineMetricsSent == 1)
            #expect(requests().count == 1)
            #expect(try await store.performanceSummary(accountID: account.id, window: .lastDay).totalProcessed == 1)
        }
    }

    @Test("The queue holds a bounded number of records and says once that it is full")
    func ledger() {
        let ledger = PipelineMetricsLedger(capacity: 2)
        #expect(ledger.admit() == .admitted && ledger.admit() == .admitted)
        #expect(ledger.admit() == .refused(firstInARow: true))
        #expect(ledger.admit() == .refused(firstInARow: false))
        ledger.settle(1)
        #expect(ledger.admit() == .admitted)
        #expect(ledger.admit() == .refused(firstInARow: true))
        #expect(ledger.dropped == 3)
    }

    @Test("The environment switch is read into the configuration, and a zero timeout is refused")
    func configurationDefaults() {
        #expect(ClientConfiguration().pipelineMetricsEnabled == ClientConfiguration.dashboardMetricsEnabledByEnvironment)
        #expect(ClientConfiguration().pipelineMetricsTimeout == .seconds(5))
        #expect(throws: PlexusClientError.self) {
            try PlexusClient(baseURL: "http://127.0.0.1:1", apiKey: "k", configuration: ClientConfiguration(pipelineMetricsTimeout: .zero))
        }
    }
}

/// Tells `onRequest` of every request, then lets the real routes answer it.
private struct CountingResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == PlexusRequestContext {
    let base: Base
    let onRequest: @Sendable (Request) -> Void

    func respond(to request: Request, context: PlexusRequestContext) async throws -> Response {
        onRequest(request)
        return try await base.respond(to: request, context: context)
    }
}
