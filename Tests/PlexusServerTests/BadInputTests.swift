import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

@Suite("Bad input gets a clear 4xx and changes nothing")
struct BadInputTests {
    private func storedResults(_ server: TestServer) async throws -> Int? {
        try await server.request(.get, "/api/v1/score-results?limit=1000").json["data"]?.arrayCount
    }

    @Test("Malformed JSON, wrong types and missing fields name the problem")
    func malformed() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let broken = try await server.request(.post, "/api/v1/score-results/batch", raw: #"{"scoreResults": [ {"value": "Yes""#)
            #expect(broken.status == .badRequest && broken.errorCode == "malformed_json")
            // Valid JSON is not called malformed, even when a number does not fit its field.
            let huge = try await server.request(.post, "/api/v1/score-results/batch",
                                                raw: #"{"scoreResults": [{"value": "Yes", "scorecardVersion": 191735180215653791634427793633550794752}]}"#)
            #expect(huge.status == .badRequest && huge.errorCode == "invalid_value", "\(huge.text)")
            let empty = try await server.request(.post, "/api/v1/score-results", raw: "")
            #expect(empty.status == .badRequest)
            let wrongType = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": [
                TestServer.result("a"), TestServer.result("b", confidence: "high"),
            ]])
            #expect(wrongType.status == .badRequest && wrongType.errorCode == "invalid_type")
            #expect(wrongType.errorField == "scoreResults[1].confidence")
            let missing = try await server.request(.post, "/api/v1/score-results", json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "x"])
            #expect(missing.status == .badRequest && missing.errorField == "value")
            let status = try await server.request(.post, "/api/v1/evaluations", json: ["scorecardKey": "call-qa"])
            let id = try #require(status.json["id"]?.stringValue)
            let badStatus = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["status": "DONE"])
            #expect(badStatus.status == .badRequest && badStatus.errorField == "status")
            #expect(try await storedResults(server) == 0)
        }
    }

    @Test("Out-of-range values, empty and oversized batches are refused whole")
    func ranges() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let tooSure = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": [
                TestServer.result("a"), TestServer.result("b", confidence: 1.5),
            ]])
            #expect(tooSure.status == .badRequest && tooSure.errorField == "scoreResults[1].confidence")
            let empty = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": []])
            #expect(empty.status == .badRequest && empty.errorField == "scoreResults")
            let huge: JSONValue = .array((0...10_000).map { TestServer.result("i\($0)") })
            let over = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": huge])
            #expect(over.status == .badRequest && over.errorField == "scoreResults")
            let both = try await server.request(.post, "/api/v1/score-results", json: [
                "scorecardKey": "call-qa", "scorecardId": "x", "scoreKey": "greeting", "itemExternalId": "a", "value": "Yes",
            ])
            #expect(both.status == .badRequest && both.errorField == "scorecardKey")
            let unknown = try await server.request(.post, "/api/v1/score-results", json: [
                "scorecardKey": "nope", "scoreKey": "greeting", "itemExternalId": "a", "value": "Yes",
            ])
            #expect(unknown.status == .unprocessableContent && unknown.errorCode == "not_found" && unknown.errorField == "scorecard")
            let badLimit = try await server.request(.get, "/api/v1/score-results?limit=5000")
            #expect(badLimit.status == .badRequest && badLimit.errorField == "limit")
            let badTime = try await server.request(.get, "/api/v1/score-results?since=yesterday")
            #expect(badTime.status == .badRequest && badTime.errorField == "since")
            #expect(try await storedResults(server) == 0)
        }
    }

    @Test("Text holding NUL (\\u0000) is refused with its field on every store, and nothing is stored", arguments: TestDatabase.available)
    func nulCharacters(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let item = try await server.request(.post, "/api/v1/items", raw: #"{"externalId": "call\u0000-1", "text": "hello"}"#)
            #expect(item.status == .badRequest && item.errorField == "externalId", "\(item.text)")
            let batch = try await server.request(.post, "/api/v1/score-results/batch", raw: #"{"scoreResults": [{"scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "a", "value": "Yes", "explanation": "x\u0000y"}]}"#)
            #expect(batch.status == .badRequest && batch.errorField == "scoreResults[0].explanation", "\(batch.text)")
            // An escaped backslash before u0000 is plain text, and is stored.
            let literal = try await server.request(.post, "/api/v1/items", raw: #"{"externalId": "call\\u0000-2"}"#)
            #expect(literal.status == .created, "\(literal.text)")
            #expect(try await server.request(.get, "/api/v1/items").json["data"]?.arrayCount == 1)
            #expect(try await storedResults(server) == 0)
            let hours = try await server.request(.get, "/api/performance/?hours=")
            #expect(hours.status == .badRequest && hours.errorField == "hours")
            let until = try await server.request(.get, "/api/v1/score-results?until=")
            #expect(until.status == .badRequest && until.errorField == "until")
            let limit = try await server.request(.get, "/api/v1/monitors?limit=")
            #expect(limit.status == .badRequest && limit.errorField == "limit")
            let method = try await server.request(.put, "/api/v1/score-results/batch", json: [:])
            #expect(method.status == .methodNotAllowed && method.headers[.allow] == "POST" && method.errorCode == "method_not_allowed")
            let item405 = try await server.request(.delete, "/api/v1/items/nosuch", json: [:])
            #expect(item405.status == .methodNotAllowed && item405.headers[.allow] == "GET")
            let socket = try await server.request(.get, "/api/v1/ws")
            #expect(socket.status == .upgradeRequired && socket.errorCode == "websocket_required")
        }
    }

    @Test("A body over the configured limit gets 413")
    func bodyLimit() async throws {
        try await TestServer.run(configuration: ServerConfiguration(maxBodyBytes: 1024)) { server in
            let big: JSONValue = .array((0..<100).map { TestServer.result("item-\($0)") })
            let reply = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": big])
            #expect(reply.status == .contentTooLarge && reply.errorCode == "body_too_large")
        }
    }

    @Test("Unknown routes and IDs get JSON 404s")
    func notFound() async throws {
        try await TestServer.run { server in
            let route = try await server.request(.get, "/api/v1/nothing-here")
            #expect(route.status == .notFound && route.errorCode == "route_not_found")
            for path in ["/api/v1/scorecards/nope", "/api/v1/items/nope", "/api/v1/score-results/nope", "/api/v1/evaluations/nope"] {
                let reply = try await server.request(.get, path)
                #expect(reply.status == .notFound && reply.errorCode == "not_found", "\(path)")
            }
        }
    }

    @Test("Garbage sent to every write route never produces a 500")
    func garbage() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let bodies = ["null", "[]", "42", "\"text\"", "{}", #"{"scoreResults": null}"#, #"{"items": [{}]}"#, #"{"key": 5}"#,
                          #"{"sections": [{"scores": [{"key": ""}]}]}"#, #"{"value": "Yes", "confidence": 1e999}"#, "\u{0}\u{1}", "{\"a\":"]
            let routes: [(HTTPRequest.Method, String)] = [
                (.post, "/api/v1/accounts"), (.post, "/api/v1/scorecards"), (.patch, "/api/v1/scorecards/call-qa"), (.post, "/api/v1/items"),
                (.post, "/api/v1/items/batch"), (.put, "/api/v1/labels"), (.post, "/api/v1/score-results"), (.post, "/api/v1/score-results/batch"),
                (.post, "/api/v1/evaluations"), (.patch, "/api/v1/score-results/x"), (.patch, "/api/v1/evaluations/x"), (.post, "/graphql"),
            ]
            for (method, path) in routes {
                for body in bodies {
                    let reply = try await server.request(method, path, raw: body)
                    // Some of these are valid (an empty PATCH, unknown fields are ignored); none may be a 500.
                    #expect(reply.status.code < 500, "\(method) \(path) \(body) → \(reply.status)")
                    if reply.status.code >= 400, path != "/graphql" {
                        #expect(reply.json["error"]?["message"]?.stringValue != nil, "\(method) \(path) \(body)")
                    }
                }
            }
        }
    }
}
