import Foundation
import PlexusClient
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Surviving crashes: kill -9 during ingest loses and duplicates nothing acknowledged")
struct CrashRecoveryTests {
    static let results = 50_000
    static let kills = 10

    @Test("The server is killed 10 times at random moments while the client ingests 50,000 results; every one is stored exactly once")
    func killedRepeatedly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listener = try SilentListener()
        let port = listener.port
        listener.close()
        let key = "plx_crash-test-admin-key"
        let environment = ["PLEXUS_ADMIN_KEY": key]
        let first = try await ServeProcess(folder: folder, port: port, environment: environment)

        // Retries patient enough to outlast restarts, as a pipeline's would be: a restart takes about
        // a second alone but several under a loaded CI run, where the next kill can follow the server's
        // return within 0.3 s, so a batch is retried every second for up to about 30 s.
        let configuration = ClientConfiguration(
            batchSize: 500, batchInterval: .milliseconds(200),
            retry: RetryPolicy(maxAttempts: 32, initialDelay: .milliseconds(100), maxDelay: .seconds(1)),
            requestTimeout: .seconds(10), connectTimeout: .seconds(2), logger: Fixtures.quietLogger)
        let client = try PlexusClient(baseURL: "http://127.0.0.1:\(port)", apiKey: key, context: Fixtures.context, configuration: configuration)
        _ = try await client.scorecards.create(Fixtures.callQA)

        var generator = SystemRandomNumberGenerator()
        let pauses = (0..<Self.kills).map { _ in Duration.milliseconds(Int.random(in: 300...1_200, using: &generator)) }
        let killer = Task { [first] () async throws -> ServeProcess in
            var current = first
            for pause in pauses {
                try await Task.sleep(for: pause)
                await current.kill()
                current = try await ServeProcess(folder: folder, port: port, environment: environment)
            }
            return current
        }
        for number in 0..<Self.results {
            try await client.scoreResults.create(value: number.isMultiple(of: 3) ? "No" : "Yes", itemID: "call-\(number)")
            // Paced so that the kills fall while results are still being produced.
            if number.isMultiple(of: 250) { try await Task.sleep(for: .milliseconds(40)) }
        }
        let last = try await killer.value
        await client.flush()
        let stats = await client.stats
        await client.shutdown()
        #expect(stats.failed == 0 && stats.sent == Self.results, "\(stats)")
        #expect(stats.retries > 0, "no request was retried, so no kill fell during ingest")
        _ = await last.stop()

        let store = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent(".plexus/plexus.sqlite").path))
        let account = try #require(try await store.account("default"))
        var stored: [ScoreResult] = []
        var page = try PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let batch = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: page)
            stored += batch.data
            guard let cursor = batch.nextCursor else { break }
            page = try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)
        }
        try await store.close()
        #expect(stored.count == Self.results)
        #expect(Set(stored.map(\.itemId)).count == Self.results && Set(stored.compactMap(\.idempotencyKey)).count == Self.results)
    }
}
