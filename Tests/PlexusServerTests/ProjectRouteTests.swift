import Foundation
import PlexusCore
@testable import PlexusServer
import PlexusTestSupport
import Testing

@Suite("Agent projects over the API")
struct ProjectRouteTests {
    @Test("A project is created with the server's default settings, read by ID or key, listed, and changed field by field",
          arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let created = try await server.request(.post, "/api/v1/projects", json: [
                "key": "support-bot", "name": "Support bot", "incumbentModel": "gpt-4o", "candidateModels": ["claude-3-5-haiku"],
                "settings": ["confidenceThreshold": 0.8],
            ])
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.json["settings"] == ["confidenceThreshold": 0.8, "judgeDisagreementThreshold": 0.3, "defaultReplaySampleSize": 100,
                                                 "evaluationScheduleCron": "0 2 * * 0"])
            #expect(created.json["privacyMode"] == "full" && created.json["redactsContacts"] == false)
            #expect(try await server.request(.get, "/api/v1/projects/support-bot").json["id"]?.stringValue == id)
            #expect(try await server.request(.get, "/api/v1/projects/\(id)").json["key"] == "support-bot")
            let changed = try await server.request(.patch, "/api/v1/projects/support-bot", json: [
                "incumbentModel": .null, "privacyMode": "hashed", "settings": ["defaultReplaySampleSize": 250],
            ])
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed.json["incumbentModel"] == nil && changed.json["privacyMode"] == "hashed")
            #expect(changed.json["settings"]?["defaultReplaySampleSize"] == 250 && changed.json["settings"]?["confidenceThreshold"] == 0.8)
            #expect(changed.json["candidateModels"] == ["claude-3-5-haiku"] && changed.json["name"] == "Support bot")
            _ = try await server.request(.post, "/api/v1/projects", json: ["key": "sales-bot", "name": "Sales bot"])
            let listed = try await server.request(.get, "/api/v1/projects?limit=1")
            #expect(listed.json["data"]?[0]?["key"] == "sales-bot" && listed.json["nextCursor"] != nil)
        }
    }

    @Test("Bad projects get a 4xx naming the field, a repeated key is a conflict, and nothing is stored", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let cases: [(JSONValue, String)] = [
                (["key": "bad key", "name": "x"], "key"),
                (["key": "ok", "name": "  "], "name"),
                (["key": "ok", "name": "x", "settings": ["confidenceThreshold": 1.5]], "settings.confidenceThreshold"),
                (["key": "ok", "name": "x", "settings": ["evaluationScheduleCron": "weekly"]], "settings.evaluationScheduleCron"),
                (["key": "ok", "name": "x", "privacyMode": "secret"], "privacyMode"),
                (["key": "ok", "name": "x", "candidateModels": [""]], "candidateModels[0]"),
                (["name": "x"], "key"),
            ]
            for (body, field) in cases {
                let reply = try await server.request(.post, "/api/v1/projects", json: body)
                #expect((400 ..< 500).contains(reply.status.code) && reply.json["error"]?["field"]?.stringValue == field, "\(body): \(reply.text)")
            }
            #expect(try await server.request(.get, "/api/v1/projects").json["data"]?.arrayCount == 0)
            #expect(try await server.request(.post, "/api/v1/projects", json: ["key": "bot", "name": "Bot"]).status == .created)
            #expect(try await server.request(.post, "/api/v1/projects", json: ["key": "bot", "name": "Bot again"]).status == .conflict)
            let badPatch = try await server.request(.patch, "/api/v1/projects/bot", json: ["settings": ["judgeDisagreementThreshold": -1]])
            #expect(badPatch.status == .badRequest && badPatch.json["error"]?["field"] == "settings.judgeDisagreementThreshold", "\(badPatch.text)")
            #expect(try await server.request(.get, "/api/v1/projects/bot").json["settings"]?["judgeDisagreementThreshold"] == 0.3)
            #expect(try await server.request(.get, "/api/v1/projects/nope").status == .notFound)
        }
    }

    static let portkeyLines = [
        #"{"id":"log-1","created_at":"2026-11-30T09:00:00Z","ai_org":"openai","ai_model":"gpt-4o-mini","req_units":12,"res_units":4,"cost":0.5,"response_status_code":200,"is_success":1,"request":{"body":{"messages":[{"role":"user","content":"Email me at jo@example.com"}]}},"response":{"body":{"choices":[{"message":{"content":"Done, jo@example.com."},"finish_reason":"stop"}]}}}"#,
        #"{"id":"log-2","created_at":"2026-11-30T10:00:00Z","ai_org":"openai","ai_model":"gpt-4o-mini","response_status_code":446,"is_success":0,"request":{"body":{"messages":[{"role":"user","content":"x"}]}},"response":{"body":{"error":{"message":"denied"}}}}"#,
        "not json",
        #"{"id":"log-3","ai_org":"openai"}"#,
    ]

    @Test("A Portkey export uploads in batches: counts, rejections by line, duplicates and versions; logs are listed and read with their versions",
          arguments: TestDatabase.available)
    func logUpload(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/projects", json: ["key": "bot", "name": "Bot"])
            let file = Self.portkeyLines.joined(separator: "\n") + "\n"
            let first = try await server.request(.post, "/api/v1/logs/bot/upload", raw: file, contentType: "application/x-ndjson")
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.json["format"] == "portkey" && first.json["lines"] == 4 && first.json["new"] == 2 && first.json["rejected"] == 2)
            #expect(first.json["rejections"] == [["line": 3, "field": "line", "message": "is not JSON"],
                                                 ["line": 4, "field": "created_at", "message": "is missing; every Portkey log line has the time of its request"]])
            // The same file again is all duplicates; a corrected line is a new version.
            let again = try await server.request(.post, "/api/v1/logs/bot/upload", raw: file, contentType: "application/x-ndjson")
            #expect(again.json["duplicate"] == 2 && again.json["new"] == 0)
            let corrected = Self.portkeyLines[0].replacingOccurrences(of: "\"cost\":0.5", with: "\"cost\":0.7")
            let versioned = try await server.request(.post, "/api/v1/logs/bot/upload", raw: corrected, contentType: "application/x-ndjson")
            #expect(versioned.json["newVersion"] == 1, "\(versioned.text)")

            let listed = try await server.request(.get, "/api/v1/logs/bot")
            #expect(listed.json["data"]?.arrayCount == 2, "\(listed.text)")
            #expect(listed.json["data"]?[0]?["entry"]?["externalId"] == "log-2")
            #expect(listed.json["data"]?[0]?["entry"]?["refusal"]?["kind"] == "guardrail")
            #expect(listed.json["data"]?[1]?["entry"]?["costUSD"] == 0.007 && listed.json["data"]?[1]?["version"] == 2)
            let detail = try await server.request(.get, "/api/v1/logs/bot/log-1")
            #expect(detail.json["versions"]?.arrayCount == 2 && detail.json["log"]?["version"] == 2, "\(detail.text)")
            let oldID = try #require(detail.json["versions"]?[1]?["id"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/logs/bot/\(oldID)").json["log"]?["version"] == 2)
            #expect(try await server.request(.get, "/api/v1/logs/bot/nope").status == .notFound)
            #expect(try await server.request(.get, "/api/v1/logs/nope").status == .notFound)
            let stats = try await server.request(.get, "/api/v1/logs/bot/stats")
            #expect(stats.status == .ok, "\(stats.text)")
            #expect(stats.json["logs"] == 2 && stats.json["costUSD"] == 0.007 && stats.json["refusalsByKind"] == ["guardrail": 1])
            #expect(stats.json["refusalsByLayer"] == ["guardrail_status": 1] && stats.json["firstCall"] == "2026-11-30T09:00:00.000Z")
            #expect(stats.json["models"]?[0]?["model"] == "gpt-4o-mini" && stats.json["models"]?[0]?["calls"] == 2)
            #expect(stats.json["models"]?[0]?["errorRate"] == 0.5 && stats.json["models"]?[0]?["refusalRate"] == 0.5)
            let badFormat = try await server.request(.post, "/api/v1/logs/bot/upload?format=csv", raw: file, contentType: "application/x-ndjson")
            #expect(badFormat.status == .badRequest && badFormat.json["error"]?["field"] == "format")
            // A pipeline's ingest key may upload.
            let key = try await server.request(.post, "/api/v1/keys", json: ["name": "pipeline", "scopes": ["ingest"]])
            let ingest = try #require(key.json["apiKey"]?.stringValue)
            #expect(try await server.request(.post, "/api/v1/logs/bot/upload", key: ingest, raw: file, contentType: "application/x-ndjson").status == .ok)
        }
    }

    @Test("A hashed project stores no prompt or answer text, only salted hashes and lengths; redaction takes out contact details",
          arguments: TestDatabase.available)
    func privacy(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/projects", json: ["key": "private", "name": "Private", "privacyMode": "hashed"])
            _ = try await server.request(.post, "/api/v1/projects", json: ["key": "redacted", "name": "Redacted", "redactsContacts": true])
            for project in ["private", "redacted"] {
                let reply = try await server.request(.post, "/api/v1/logs/\(project)/upload", raw: Self.portkeyLines[0], contentType: "application/x-ndjson")
                #expect(reply.json["new"] == 1, "\(reply.text)")
            }
            let hashed = try await server.request(.get, "/api/v1/logs/private/log-1")
            #expect(!hashed.text.contains("jo@example.com") && !hashed.text.contains("Email me"), "\(hashed.text)")
            #expect(hashed.json["log"]?["entry"]?["responseText"]?.stringValue?.hasPrefix("sha256:") == true)
            #expect(hashed.json["log"]?["entry"]?["responseCharacters"] == 21 && hashed.json["log"]?["entry"]?["replayable"] == false)
            #expect(hashed.json["log"]?["entry"]?["usage"]?["inputTokens"] == 12)
            let redacted = try await server.request(.get, "/api/v1/logs/redacted/log-1")
            #expect(!redacted.text.contains("jo@example.com") && redacted.text.contains("Email me at [email]"), "\(redacted.text)")
            #expect(redacted.json["log"]?["entry"]?["responseText"] == "Done, [email].")
        }
    }
}
