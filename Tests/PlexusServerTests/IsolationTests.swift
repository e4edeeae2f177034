import Hummingbird
import PlexusCore
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
}
