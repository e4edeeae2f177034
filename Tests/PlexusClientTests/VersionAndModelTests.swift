import PlexusClient
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Scorecard versions and models through the client")
struct VersionAndModelTests {
    @Test("Pushed sources come back as numbered versions")
    func versions() async throws {
        try await LiveServer.run(sourceValidator: JSONSourceValidator.validator) { server in
            let client = try server.client()
            let first = try await client.scorecards.pushVersion(source: JSONSourceValidator.source())
            let second = try await client.scorecards.pushVersion(source: JSONSourceValidator.source(name: "Chat QA 2"))
            #expect(first.version == 1 && second.version == 2 && second.scorecardKey == "chat-qa")
            #expect(try await client.scorecards.version("chat-qa") == second)
            #expect(try await client.scorecards.version("chat-qa", version: 1) == first)
            let page = try await client.scorecards.versions("chat-qa", limit: 1)
            #expect(page.data == [second] && page.nextCursor != nil)
            #expect(try await client.scorecards.versions("chat-qa", cursor: page.nextCursor).data == [first])
            await #expect(throws: PlexusClientError.notFound(resource: "scorecard version", id: "chat-qa v3")) {
                try await client.scorecards.version("chat-qa", version: 3)
            }
            await client.shutdown()
        }
    }

    @Test("An invalid source is reported with the server's problems")
    func invalidSource() async throws {
        try await LiveServer.run(sourceValidator: JSONSourceValidator.validator) { server in
            let client = try server.client()
            do {
                _ = try await client.scorecards.pushVersion(source: "key: [")
                Issue.record("expected an error")
            } catch PlexusClientError.api(let status, let code, let message, let field) {
                #expect(status == 422 && code == "invalid_scorecard" && field == "source")
                #expect(message.contains("Not a scorecard draft in JSON.") && message.contains("key: No key."))
            }
            await client.shutdown()
        }
    }

    @Test("Models are stored as new versions and read back")
    func models() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let first = try await client.models.store(
                scorecard: "call-qa", score: "greeting", algorithm: "naive-bayes", artifact: try ModelFixtures.artifact(variant: 1), metrics: ["f1": 0.5])
            let second = try await client.models.store(scorecard: "call-qa", score: "greeting", algorithm: "naive-bayes", artifact: try ModelFixtures.artifact(variant: 2))
            #expect(first.version == 1 && second.version == 2)
            #expect(try await client.models.artifact(scorecard: "call-qa", score: "greeting") == second)
            #expect(try await client.models.artifact(scorecard: "call-qa", score: "greeting", version: 1).metrics == ["f1": 0.5])
            #expect(try await client.models.list(scorecard: "call-qa", score: "greeting").data == [second.summary, first.summary])
            await #expect(throws: PlexusClientError.invalid(field: "algorithm", message: "A value is required and must not be blank.")) {
                try await client.models.store(scorecard: "call-qa", score: "greeting", algorithm: " ", artifact: "{}")
            }
            await client.shutdown()
        }
    }
}
