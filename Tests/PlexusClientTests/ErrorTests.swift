import Synchronization
import PlexusClient
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Errors reach the caller as PlexusClientError")
struct ErrorTests {
    @Test("A rejected batch names the offending field as the server did")
    func serverField() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let inputs = [
                ScoreResultInput(scorecardKey: "call-qa", scoreKey: "greeting", itemExternalId: "a", value: "Yes"),
                ScoreResultInput(scorecardKey: "call-qa", scoreKey: "greeting", itemExternalId: "b", value: "Yes", confidence: 2),
            ]
            let error = await #expect(throws: PlexusClientError.self) { try await client.scoreResults.batchCreate(inputs) }
            guard case .api(let status, let code, _, let field) = error else { Issue.record("Expected api, got \(String(describing: error))"); return }
            #expect(status == 400 && code == "invalid_value" && field == "scoreResults[1].confidence")
            #expect(error?.description.contains("scoreResults[1].confidence") == true)
            #expect(await client.stats.retries == 0)
            await client.shutdown()
        }
    }

    @Test("A missing resource is reported as notFound with what was asked for")
    func notFound() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            await #expect(throws: PlexusClientError.notFound(resource: "scorecard", id: "nope")) {
                try await client.scorecards.get(key: "nope")
            }
            await #expect(throws: PlexusClientError.notFound(resource: "evaluation", id: "missing")) {
                try await client.experiments.get(id: Identifier("missing"))
            }
            await client.shutdown()
        }
    }

    @Test("A reference the server cannot find is a 422 naming the field, and is not retried")
    func unknownEvaluation() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let error = await #expect(throws: PlexusClientError.self) {
                try await client.scoreResults.create(value: "Yes", itemID: "call-1", evaluationID: Identifier("no-such-evaluation"), immediate: true)
            }
            guard case .api(let status, let code, _, let field) = error else { Issue.record("Expected api, got \(String(describing: error))"); return }
            #expect(status == 422 && code == "not_found" && field == "evaluationId")
            #expect(await client.stats.retries == 0)
            await client.shutdown()
        }
    }

    @Test("A bad value is rejected before anything is sent or queued")
    func localValidation() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let error = await #expect(throws: PlexusClientError.self) {
                try await client.scoreResults.create(value: "Yes", itemID: "call-1", confidence: 1.5)
            }
            #expect(error?.field == "confidence")
            #expect(await client.stats.queued == 0)
            await client.shutdown()
        }
    }

    @Test("A wrong API key is reported as HTTP 401")
    func wrongKey() async throws {
        try await LiveServer.run { server in
            let client = try server.client(apiKey: "not-a-key")
            let error = await #expect(throws: PlexusClientError.self) { try await client.scorecards.get(key: "call-qa") }
            guard case .api(let status, _, _, _) = error else { Issue.record("Expected api, got \(String(describing: error))"); return }
            #expect(status == 401)
            await client.shutdown()
        }
    }

    @Test("A server nobody listens at fails at once, without retries, saying what to check")
    func refused() async throws {
        // Port 1 on the loopback address has no listener.
        let client = try PlexusClient(baseURL: "http://127.0.0.1:1", apiKey: "key", configuration: Fixtures.configuration(maxAttempts: 5))
        let start = ContinuousClock.now
        let error = await #expect(throws: PlexusClientError.self) { try await client.scorecards.get(key: "call-qa") }
        // No retries is the point (checked below); the bound is loose because a loaded machine can take
        // seconds to schedule anything, and what it replaces took two and a half minutes.
        #expect(ContinuousClock.now - start < .seconds(30))
        guard case .serverUnreachable(let url, let reason) = error else { Issue.record("Expected serverUnreachable, got \(String(describing: error))"); return }
        #expect(url == "http://127.0.0.1:1" && reason.contains("connection refused"))
        #expect(error?.description.contains("Is `plexus serve` running there?") == true)
        #expect(await client.stats.retries == 0)
        await client.shutdown()
    }

    @Test("A server that answered before and then stops listening is retried as the policy says")
    func refusedAfterContact() async throws {
        let holder = Mutex<PlexusClient?>(nil)
        try await LiveServer.run { server in
            let client = try server.client(Fixtures.configuration(maxAttempts: 3))
            _ = try await client.scorecards.get(key: "call-qa")
            holder.withLock { $0 = client }
        }
        let client = try #require(holder.withLock { $0 })
        let error = await #expect(throws: PlexusClientError.self) { try await client.scorecards.get(key: "call-qa") }
        guard case .serverUnreachable = error else { Issue.record("Expected serverUnreachable, got \(String(describing: error))"); return }
        #expect(await client.stats.retries == 2)
        await client.shutdown()
    }

    @Test("A server that accepts connections but never answers fails after the request timeout")
    func hanging() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        var configuration = Fixtures.configuration(maxAttempts: 1)
        configuration.requestTimeout = .milliseconds(300)
        let client = try PlexusClient(baseURL: "http://127.0.0.1:\(listener.port)", apiKey: "key", configuration: configuration)
        let error = await #expect(throws: PlexusClientError.self) { try await client.scorecards.get(key: "call-qa") }
        guard case .transport(_, let message) = error else { Issue.record("Expected transport, got \(String(describing: error))"); return }
        #expect(message.contains("request timeout"))
        await client.shutdown()
    }

    @Test("Settings out of range are rejected when the client is made")
    func badSettings() {
        #expect(throws: PlexusClientError.invalid(field: "apiKey", message: "The API key is empty; pass the key `plexus serve` printed on first start.")) {
            try PlexusClient(baseURL: "http://127.0.0.1:8080", apiKey: "")
        }
        let error = #expect(throws: PlexusClientError.self) {
            try PlexusClient(baseURL: "ftp://example", apiKey: "k")
        }
        #expect(error?.field == "baseURL")
        let batch = #expect(throws: PlexusClientError.self) {
            try PlexusClient(baseURL: "http://127.0.0.1:8080", apiKey: "k", configuration: ClientConfiguration(batchSize: 0))
        }
        #expect(batch?.field == "batchSize")
    }
}
