import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

@Suite("Score results over REST")
struct ScoreResultRouteTests {
    @Test("A batch reports created, duplicates and ids in order, on every database", arguments: TestDatabase.available)
    func batch(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let results: JSONValue = .array((0..<30).map { TestServer.result("call-\($0)", key: "k\($0)") })
            let first = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": results])
            #expect(first.status == .ok && first.json["created"] == 30 && first.json["duplicates"] == 0)
            let again = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": results])
            #expect(again.json["created"] == 0 && again.json["duplicates"] == 30 && again.json["ids"] == first.json["ids"])
            let listed = try await server.request(.get, "/api/v1/score-results?limit=1000")
            guard case .array(let rows)? = listed.json["data"] else { Issue.record("no data"); return }
            #expect(rows.count == 30 && listed.json["nextCursor"] == .null)
        }
    }

    @Test("One result is created, read, updated and filtered by item and time")
    func single() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let created = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-1"))
            #expect(created.status == .created)
            let id = try #require(created.json["id"]?.stringValue)
            let itemID = try #require(created.json["itemId"]?.stringValue)
            let patched = try await server.request(.patch, "/api/v1/score-results/\(id)", json: ["value": "No", "metadata": ["reviewed": true]])
            #expect(patched.status == .ok && patched.json["value"] == "No" && patched.json["confidence"] == 0.9)
            let fetched = try await server.request(.get, "/api/v1/score-results/\(id)")
            #expect(fetched.json["metadata"]?["reviewed"] == true)
            let byItem = try await server.request(.get, "/api/v1/score-results?itemId=\(itemID)&since=2000-01-01T00:00:00Z")
            #expect(byItem.json["data"]?.arrayCount == 1)
            let future = try await server.request(.get, "/api/v1/score-results?since=2999-01-01T00:00:00Z")
            #expect(future.json["data"]?.arrayCount == 0)
        }
    }

    @Test("A value outside the score's classes is a 400 naming the classes, for one result, a batch and a change; SKIPPED is accepted")
    func valueOutsideClasses() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let single = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-1", value: "Banana"))
            #expect(single.status == .badRequest && single.errorField == "value")
            #expect(single.json["error"]?["message"]?.stringValue?.contains("'Yes', 'No'") == true)
            let batch = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": [
                TestServer.result("call-2"), TestServer.result("call-3", value: "yes"),
            ]])
            #expect(batch.status == .badRequest && batch.errorField == "scoreResults[1].value")
            #expect(try await server.request(.get, "/api/v1/score-results").json["data"]?.arrayCount == 0)

            let skipped = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-4", value: "SKIPPED"))
            #expect(skipped.status == .created)
            let id = try #require(skipped.json["id"]?.stringValue)
            let changed = try await server.request(.patch, "/api/v1/score-results/\(id)", json: ["value": "Maybe"])
            #expect(changed.status == .badRequest && changed.errorField == "value")
            #expect(try await server.request(.get, "/api/v1/score-results/\(id)").json["value"] == "SKIPPED")
        }
    }

    @Test("Pages of 100 walk through 250 results without overlap")
    func pagination() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let results: JSONValue = .array((0..<250).map { TestServer.result("c\($0)") })
            _ = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": results])
            var ids = Set<String>()
            var cursor: String?
            var pages = 0
            repeat {
                let reply = try await server.request(.get, "/api/v1/score-results?limit=100" + (cursor.map { "&cursor=\($0)" } ?? ""))
                guard case .array(let rows)? = reply.json["data"] else { Issue.record("no data"); return }
                rows.compactMap { $0["id"]?.stringValue }.forEach { ids.insert($0) }
                cursor = reply.json["nextCursor"]?.stringValue
                pages += 1
            } while cursor != nil
            #expect(ids.count == 250 && pages == 3)
        }
    }
}

extension JSONValue {
    /// The number of elements when this is an array.
    var arrayCount: Int? {
        if case .array(let elements) = self { return elements.count }
        return nil
    }
}
