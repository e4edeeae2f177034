import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Models, scored items and labelled items over REST")
struct ModelAndTrainingRouteTests {
    private static let models = "/api/v1/scorecards/call-qa/scores/greeting/models"

    @Test("Models are stored as increasing versions and listed without their artifacts", arguments: TestDatabase.available)
    func models(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let (one, two) = (try ModelFixtures.artifact(variant: 1), try ModelFixtures.artifact(variant: 2))
            let first = try await server.request(.post, Self.models, json: ["algorithm": "naive-bayes", "artifact": .string(one), "metrics": ["accuracy": 0.75]])
            #expect(first.status == .created && first.json["version"] == 1 && first.json["scoreKey"] == "greeting")
            let second = try await server.request(.post, Self.models, json: ["algorithm": "naive-bayes", "artifact": .string(two)])
            #expect(second.json["version"] == 2)
            #expect(try await server.request(.get, Self.models + "/1").json["artifact"] == .string(one))
            #expect(try await server.request(.get, Self.models + "/latest").json == second.json)
            let list = try await server.request(.get, Self.models)
            #expect(list.json["data"]?.arrayValue?.map { $0["version"] } == [2, 1])
            #expect(list.json["data"]?[0]?["artifact"] == nil)
            #expect(try await server.request(.get, Self.models + "/3").status == .notFound)
            let bad = try await server.request(.post, Self.models, json: ["algorithm": "x", "artifact": .string(one), "metrics": [1]])
            #expect(bad.status == .badRequest && bad.errorField == "metrics")
            let unusable = try await server.request(.post, Self.models, json: ["algorithm": "x", "artifact": "{}"])
            #expect(unusable.status == .unprocessableContent && unusable.errorField == "artifact")
            #expect(try await server.request(.post, "/api/v1/scorecards/call-qa/scores/nope/models", json: ["algorithm": "x", "artifact": .string(one)]).status == .notFound)
        }
    }

    @Test("Scored items are those with a result of the asked version", arguments: TestDatabase.available)
    func scoredItems(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            for (item, version) in [("call-1", 1), ("call-2", 2)] {
                var result = TestServer.result(item).objectValue ?? [:]
                result["scorecardVersion"] = .number(Double(version))
                let reply = try await server.request(.post, "/api/v1/score-results", json: .object(result))
                #expect(reply.json["scorecardVersion"] == .number(Double(version)))
            }
            let asked: JSONValue = ["call-1", "call-2", "call-3"]
            #expect(try await server.request(.post, "/api/v1/scorecards/call-qa/scored-items", json: ["itemIds": asked]).json["scored"] == ["call-1", "call-2"])
            let second = try await server.request(.post, "/api/v1/scorecards/call-qa/scored-items", json: ["itemIds": asked, "version": 2, "scores": ["greeting"]])
            #expect(second.json["scored"] == ["call-2"])
            let badVersion = try await server.request(.post, "/api/v1/score-results", json: .object((TestServer.result("x").objectValue ?? [:]).merging(["scorecardVersion": 0]) { $1 }))
            #expect(badVersion.status == .badRequest && badVersion.errorField == "scorecardVersion")
            let unknown = try await server.request(.post, "/api/v1/scorecards/call-qa/scored-items", json: ["itemIds": asked, "scores": ["nope"]])
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "scores[0]")
        }
    }

    @Test("Labels set in a batch come back as labelled items with their text", arguments: TestDatabase.available)
    func labelledItems(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            _ = try await server.request(.post, "/api/v1/items/batch", json: ["items": [["externalId": "call-1", "text": "Agent: Hello"], ["externalId": "call-2", "text": "Agent: Bye"]]])
            let labels: JSONValue = ["labels": [
                ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-1", "value": "Yes", "source": "qa"],
                ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-2", "value": "No"],
            ]]
            #expect(try await server.request(.post, "/api/v1/labels/batch", json: labels).json["count"] == 2)
            let page = try await server.request(.get, "/api/v1/scorecards/call-qa/scores/greeting/labelled-items?limit=1")
            let rest = try await server.request(.get, "/api/v1/scorecards/call-qa/scores/greeting/labelled-items?cursor=\(page.json["nextCursor"]?.stringValue ?? "")")
            let all = (page.json["data"]?.arrayValue ?? []) + (rest.json["data"]?.arrayValue ?? [])
            #expect(Set(all.compactMap { $0["itemId"]?.stringValue }) == ["call-1", "call-2"])
            #expect(all.first { $0["itemId"] == "call-1" }?["text"] == "Agent: Hello")
            let bad: JSONValue = ["labels": [["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-3", "value": "Maybe"]]]
            let refused = try await server.request(.post, "/api/v1/labels/batch", json: bad)
            #expect(refused.status == .badRequest && refused.errorField == "labels[0].value")
        }
    }

    @Test("Another account reads none of the versions, models, scored or labelled items", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(ScorecardVersionRouteTests.source())])
            let artifact = JSONValue.string(try ModelFixtures.artifact())
            _ = try await server.request(.post, Self.models, json: ["algorithm": "x", "artifact": artifact])
            _ = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-1"))
            _ = try await server.request(.post, "/api/v1/labels/batch", json: ["labels": [["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-1", "value": "Yes"]]])
            let other = try await server.makeAccount("other")
            for path in [
                "/api/v1/scorecards/call-qa/versions", "/api/v1/scorecards/call-qa/versions/1", "/api/v1/scorecards/call-qa/versions/latest",
                Self.models, Self.models + "/1", "/api/v1/scorecards/call-qa/scores/greeting/labelled-items",
            ] {
                #expect(try await server.request(.get, path, key: other).status == .notFound, "\(path)")
            }
            let scored = try await server.request(.post, "/api/v1/scorecards/call-qa/scored-items", key: other, json: ["itemIds": ["call-1"]])
            #expect(scored.status == .notFound)
            let write = try await server.request(.post, Self.models, key: other, json: ["algorithm": "x", "artifact": artifact])
            #expect(write.status == .notFound)
            // The other account's own push starts its own numbering and leaves the owner's alone.
            let own = try await server.request(.post, "/api/v1/scorecards/versions", key: other, json: ["source": .string(ScorecardVersionRouteTests.source(name: "Theirs"))])
            #expect(own.json["version"] == 1)
            #expect(try await server.request(.get, "/api/v1/scorecards/call-qa/versions/latest").json["source"] == .string(ScorecardVersionRouteTests.source()))
        }
    }
}
