import Hummingbird
import PlexusCore
import Testing

@Suite("Scorecards, items, labels and evaluations over REST")
struct ResourceRouteTests {
    @Test("A scorecard is created, read by key and ID, listed and updated")
    func scorecards() async throws {
        try await TestServer.run { server in
            let created = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            #expect(created.status == .created && created.json["version"] == 1)
            let id = try #require(created.json["id"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/scorecards/\(id)").json["key"] == "call-qa")
            #expect(try await server.request(.get, "/api/v1/scorecards").json["data"]?.arrayCount == 1)
            let updated = try await server.request(.patch, "/api/v1/scorecards/call-qa", json: ["description": "v2"])
            #expect(updated.json["version"] == 2 && updated.json["description"] == "v2")
            let duplicate = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            #expect(duplicate.status == .conflict)
        }
    }

    @Test("Items are created once per external ID")
    func items() async throws {
        try await TestServer.run { server in
            let batch = try await server.request(.post, "/api/v1/items/batch", json: ["items": [["externalId": "a", "text": "hello"], ["externalId": "b"], ["externalId": "a"]]])
            #expect(batch.json["created"] == 2 && batch.json["duplicates"] == 1)
            let byExternal = try await server.request(.get, "/api/v1/items?externalId=a")
            #expect(byExternal.json["data"]?.arrayCount == 1)
            let single = try await server.request(.post, "/api/v1/items", json: ["externalId": "c", "metadata": ["channel": "phone"]])
            #expect(single.status == .created && single.json["metadata"]?["channel"] == "phone")
        }
    }

    @Test("Labels are set and listed; a value outside the score's classes is refused")
    func labels() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let set = try await server.request(.put, "/api/v1/labels", json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "a", "value": "No", "source": "qa"])
            #expect(set.status == .ok && set.json["value"] == "No")
            let bad = try await server.request(.put, "/api/v1/labels", json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "a", "value": "Maybe"])
            #expect(bad.status == .badRequest && bad.errorField == "value")
            #expect(try await server.request(.get, "/api/v1/labels").json["data"]?.arrayCount == 1)
        }
    }

    @Test("An evaluation is created, updated to completion and then frozen")
    func evaluations() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let created = try await server.request(.post, "/api/v1/evaluations", json: ["type": "accuracy", "scorecardKey": "call-qa", "scoreKey": "greeting", "parameters": ["sample": 100]])
            #expect(created.status == .created && created.json["status"] == "PENDING")
            let id = try #require(created.json["id"]?.stringValue)
            let running = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["status": "RUNNING", "progress": 0.5, "processedItems": 50, "totalItems": 100])
            #expect(running.json["status"] == "RUNNING" && running.json["startedAt"] != nil)
            let done = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: [
                "status": "COMPLETED", "progress": 1, "accuracy": 0.9, "metrics": ["f1": 0.88], "confusionMatrix": ["labels": ["Yes", "No"], "matrix": [[45, 5], [5, 45]]],
            ])
            #expect(done.json["status"] == "COMPLETED" && done.json["metrics"]?["f1"] == 0.88)
            let reopen = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["status": "RUNNING"])
            #expect(reopen.status == .conflict && reopen.errorField == "status")
            #expect(try await server.request(.get, "/api/v1/evaluations").json["data"]?.arrayCount == 1)
        }
    }
}
