import Foundation
import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

@Suite("A key of one account never reaches another account's data")
struct IsolationTests {
    @Test("Every resource is invisible and unchangeable across accounts", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let result = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-1"))
            let resultID = try #require(result.json["id"]?.stringValue)
            let itemID = try #require(result.json["itemId"]?.stringValue)
            let evaluation = try await server.request(.post, "/api/v1/evaluations", json: ["scorecardKey": "call-qa"])
            let evaluationID = try #require(evaluation.json["id"]?.stringValue)
            _ = try await server.request(.put, "/api/v1/labels", json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemId": .string(itemID), "value": "Yes"])
            let other = try await server.makeAccount("other")

            for path in ["/api/v1/scorecards/call-qa", "/api/v1/items/\(itemID)", "/api/v1/score-results/\(resultID)", "/api/v1/evaluations/\(evaluationID)", "/api/v1/accounts/default"] {
                #expect(try await server.request(.get, path, key: other).status == .notFound, "\(path)")
            }
            for path in ["/api/v1/scorecards", "/api/v1/items", "/api/v1/score-results", "/api/v1/evaluations", "/api/v1/labels"] {
                #expect(try await server.request(.get, path, key: other).json["data"]?.arrayCount == 0, "\(path)")
            }
            #expect(try await server.request(.patch, "/api/v1/scorecards/call-qa", key: other, json: ["name": "x"]).status == .notFound)
            #expect(try await server.request(.patch, "/api/v1/score-results/\(resultID)", key: other, json: ["value": "No"]).status == .notFound)
            #expect(try await server.request(.patch, "/api/v1/evaluations/\(evaluationID)", key: other, json: ["progress": 0.5]).status == .notFound)
            let write = try await server.request(.post, "/api/v1/score-results", key: other, json: TestServer.result("call-1"))
            #expect(write.status == .unprocessableContent)
            let label = try await server.request(.put, "/api/v1/labels", key: other, json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemId": .string(itemID), "value": "No"])
            #expect(label.status.code >= 400 && label.status.code < 500)
            // The owner's data is unchanged.
            #expect(try await server.request(.get, "/api/v1/score-results/\(resultID)").json["value"] == "Yes")
        }
    }

    @Test("Generated from the router: every route naming a resource answers another account's key with 404, never 403", arguments: TestDatabase.available)
    func everyRouteHidesOtherAccounts(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(JobFixtures.source)])
            _ = try await server.request(.post, "/api/v1/items/batch", json: JobFixtures.items(3))
            let result = try await server.request(.post, "/api/v1/score-results", json: [
                "scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string(JobFixtures.id(1)), "value": "Yes",
            ])
            let evaluations = try await [1, 2].asyncMap { _ in try await server.request(.post, "/api/v1/evaluations", json: ["scorecardKey": "call-qa"]) }
            let job = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa"])
            let key = try await server.request(.post, "/api/v1/keys", json: ["name": "pipeline", "scopes": ["ingest"]])
            let dataset = try await server.request(.post, "/api/v1/data/upload?name=d", raw: "a,b\n1,x\n", contentType: "text/csv")
            let datasetID = try #require(dataset.json["id"]?.stringValue, "\(dataset.text)")
            let monitor = try await server.request(.post, "/api/v1/monitors", json: Self.monitor(datasetID))
            let monitorID = try #require(monitor.json["id"]?.stringValue, "\(monitor.text)")
            let run = try await server.request(.post, "/api/v1/monitors/\(monitorID)/run")
            let webhook = try await server.request(.post, "/api/v1/webhooks", json: ["url": "https://example.com/hook"])
            let project = try await server.request(.post, "/api/v1/projects", json: ["key": "support-bot", "name": "Support bot"])
            _ = try await server.request(.post, "/api/v1/logs/support-bot/upload", raw: ProjectRouteTests.portkeyLines[0], contentType: "application/x-ndjson")
            let zoo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("PlexusModelsTests/Fixtures/zoo")
            _ = try await server.request(.post, "/api/v1/models/upload?name=gb", bytes: try Data(contentsOf: zoo.appendingPathComponent("gradient_boosting_binary.onnx")),
                                         contentType: "application/octet-stream")
            let row: JSONValue = [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]
            let explanation = try await server.request(.post, "/api/v1/models/gb/explain", json: ["inputs": ["X": row], "background": ["inputs": ["X": row]]])
            // The first account's identifiers, by the collection a path parameter follows.
            let ids: [String: String] = [
                "score-results": try #require(result.json["id"]?.stringValue, "\(result.text)"),
                "items": try #require(result.json["itemId"]?.stringValue),
                "evaluations": try #require(evaluations[0].json["id"]?.stringValue),
                "compare": try #require(evaluations[1].json["id"]?.stringValue),
                "jobs": try #require(job.json["id"]?.stringValue, "\(job.text)"),
                "keys": try #require(key.json["key"]?["id"]?.stringValue),
                "data": datasetID, "monitors": monitorID, "detect": "model-7", "webhooks": try #require(webhook.json["webhook"]?["id"]?.stringValue),
                "alerts": try #require(run.json["alerts"]?[0]?["alert"]?["id"]?.stringValue, "\(run.text)"),
                "scorecards": "call-qa", "accounts": "default", "scores": "greeting", "versions": "1", "models": "1",
                "projects": try #require(project.json["key"]?.stringValue, "\(project.text)"), "logs": "support-bot", "{projectId}": "log-1",
                "explanations": try #require(explanation.json["id"]?.stringValue, "\(explanation.text.prefix(300))"),
            ]
            let other = try await server.makeAccount("other")
            let router = buildRouter(configuration: ServerConfiguration(allowReset: true), store: server.store)
            var walked = 0
            for route in router.routes {
                let segments = route.path.components.map { "\($0)" }
                guard segments.first == "api", segments.contains(where: { $0.hasPrefix("{") }) else { continue }
                // These name what they create: each account has its own series and its own monitor per subject.
                if segments.contains("series") || segments.contains("configure") { continue }
                var concrete: [String] = []
                for (index, segment) in segments.enumerated() {
                    guard segment.hasPrefix("{") else { concrete.append(segment); continue }
                    let collection = segments[index - 1]
                    guard let id = ids[collection] else {
                        Issue.record("No identifier of the first account for \(segment) after /\(collection) in \(segments.joined(separator: "/")); add one")
                        continue
                    }
                    concrete.append(id)
                }
                let path = "/" + concrete.joined(separator: "/")
                let reply = try await server.request(.init(rawValue: route.method.rawValue)!, path, key: other, json: Self.body(for: path))
                #expect(reply.status == .notFound, "\(route.method) \(path) answered another account \(reply.status): \(reply.text.prefix(300))")
                walked += 1
            }
            #expect(walked >= 15, "only \(walked) routes with parameters were walked")
            // The first account's data is all still there.
            #expect(try await server.request(.get, "/api/v1/score-results/\(ids["score-results"]!)").status == .ok)
            #expect(try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue?.contains { $0["id"]?.stringValue == ids["keys"] } == true)
        }
    }

    /// A monitor of dataset `id` against itself whose rule always fires, so one run raises an alert.
    private static func monitor(_ id: String) -> JSONValue {
        [
            "name": "always", "subject": "model-7", "source": ["kind": "dataset", "dataset": .string(id)], "reference": ["dataset": .string(id)],
            "columns": ["a"], "minimumSampleSize": 1, "rules": [["type": "metric_threshold", "column": "a", "statistic": "mean", "above": 0]],
        ]
    }

    /// A body that would be valid for the route, so that only the lookup can refuse it.
    private static func body(for path: String) -> JSONValue {
        if path.contains("/score-results/") { return ["value": "No"] }
        if path.contains("/evaluations/") { return ["progress": 0.5] }
        if path.contains("/scorecards/call-qa/scored-items") { return ["itemIds": ["call-01"]] }
        if path.hasSuffix("/models") { return ["algorithm": "tfidf-logistic", "artifact": "{}"] }
        if path.contains("/scorecards/") || path.contains("/accounts/") { return ["name": "taken over"] }
        if path.hasSuffix("/rotate") { return ["gracePeriodSeconds": 0] }
        if path.contains("/monitors/") { return monitor("any") }
        return [:]
    }
}

private extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var mapped: [T] = []
        for element in self { mapped.append(try await transform(element)) }
        return mapped
    }
}
