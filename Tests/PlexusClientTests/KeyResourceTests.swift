import Foundation
import PlexusClient
import PlexusCore
import PlexusServer
import Testing

@Suite("Keys, tokens and rate limits through the client")
struct KeyResourceTests {
    @Test("Keys are made, listed, rotated and revoked; a token from a key works as the client's key")
    func keysAndTokens() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let made = try await client.keys.create(name: "pipeline", scopes: [.ingest])
            #expect(made.key.scopes == [.ingest] && made.apiKey.hasPrefix(made.key.prefix))
            #expect(try await client.keys.list().contains { $0.id == made.key.id && $0.name == "pipeline" })

            let pipeline = try server.client(apiKey: made.apiKey)
            try await pipeline.scoreResults.create(value: "Yes", itemID: "call-1", immediate: true)
            await #expect(throws: PlexusClientError.self) { try await pipeline.scorecards.list() }

            let rotated = try await client.keys.rotate(id: made.key.id, gracePeriodSeconds: 0)
            #expect(rotated.replaced?.id == made.key.id && rotated.key.scopes == [.ingest])
            await #expect(throws: PlexusClientError.self) { try await pipeline.scoreResults.create(value: "Yes", itemID: "call-2", immediate: true) }
            try await client.keys.revoke(id: rotated.key.id)
            #expect(try await !client.keys.list().contains { $0.id == rotated.key.id })

            let token = try await client.keys.token(scopes: [.read], expiresInSeconds: 300)
            #expect(token.tokenType == "Bearer" && token.expiresIn == 300 && token.scope == "read")
            let reader = try server.client(apiKey: token.accessToken)
            #expect(try await reader.scorecards.list().data.count == 1)
            do {
                _ = try await reader.keys.list()
                Issue.record("a read token listed keys")
            } catch PlexusClientError.api(let status, let code, _, _) {
                #expect(status == 403 && code == "insufficient_scope")
            }
            await pipeline.shutdown()
            await reader.shutdown()
            await client.shutdown()
        }
    }

    @Test("A 429 is retried no sooner than Retry-After says, so a client under its limit's average gets every answer")
    func honoursRetryAfter() async throws {
        var configuration = ServerConfiguration()
        configuration.rateLimit = RateLimit(requestsPerSecond: 0.5, burst: 1)
        try await LiveServer.run(configuration: configuration) { server in
            // Quick retries (5 ms, then 10, 20, 40): without waiting as asked, all four would fall
            // inside the two seconds a token takes to come back.
            let retry = RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(5), maxDelay: .seconds(5))
            let client = try server.client(ClientConfiguration(retry: retry, requestTimeout: .seconds(60), logger: Fixtures.quietLogger))
            for _ in 0..<3 { _ = try await client.scorecards.list() }
            let stats = await client.stats
            #expect(stats.retries >= 2 && stats.retries <= 4)
            await client.shutdown()
        }
    }

    @Test("An account's limit is set and cleared through the client")
    func accountLimit() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let limited = try await client.accounts.update(id: "default", rateLimit: .some(RateLimit(requestsPerSecond: 50, burst: 100)))
            #expect(limited.rateLimit == RateLimit(requestsPerSecond: 50, burst: 100))
            let cleared = try await client.accounts.update(id: "default", rateLimit: .some(nil))
            #expect(cleared.rateLimit == nil)
            let renamed = try await client.accounts.update(id: "default", name: "Renamed")
            #expect(renamed.name == "Renamed" && renamed.rateLimit == nil)
            await client.shutdown()
        }
    }
}
