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
}
