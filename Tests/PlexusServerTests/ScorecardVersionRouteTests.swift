import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Scorecard versions over REST")
struct ScorecardVersionRouteTests {
    static func source(name: String = "Call QA", value: String = "Yes", type: String = "fixed") -> String {
        """
        key: call-qa
        name: \(name)
        sections:
          - name: Opening
            scores:
              - key: greeting
                name: Greeting
                classifier: {type: \(type), value: \(value)}
        """
    }

    @Test("Pushing creates version 1, then 2; each is read back verbatim", arguments: TestDatabase.available)
    func push(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let first = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(Self.source())])
            #expect(first.status == .created && first.json["version"] == 1 && first.json["scorecardKey"] == "call-qa")
            let second = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(Self.source(name: "Renamed"))])
            #expect(second.json["version"] == 2)
            let scorecard = try await server.request(.get, "/api/v1/scorecards/call-qa")
            #expect(scorecard.json["version"] == 2 && scorecard.json["name"] == "Renamed")
            #expect(try await server.request(.get, "/api/v1/scorecards/call-qa/versions/1").json["source"] == .string(Self.source()))
            #expect(try await server.request(.get, "/api/v1/scorecards/call-qa/versions/latest").json == second.json)
            let list = try await server.request(.get, "/api/v1/scorecards/call-qa/versions?limit=1")
            #expect(list.json["data"]?[0]?["version"] == 2 && list.json["nextCursor"]?.stringValue != nil)
        }
    }

    @Test("A version may move a score to another section after a JSON create, as `scorecard push` does after `scorecard create`", arguments: TestDatabase.available)
    func moveAfterCreate(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            #expect(try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard).status == .created)
            let moved = """
                key: call-qa
                name: Call QA
                sections:
                  - name: Outcome
                    scores:
                      - {key: resolved, name: Resolved, classifier: {type: fixed, value: "Yes"}}
                  - name: Greeting and disclosure
                    scores:
                      - {key: greeting, name: Greeting, classifier: {type: fixed, value: "Yes"}}
                """
            let pushed = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(moved)])
            #expect(pushed.status == .created && pushed.json["version"] == 2, "\(pushed.text)")
            let scorecard = try await server.request(.get, "/api/v1/scorecards/call-qa").json
            #expect(scorecard["sections"]?.arrayValue?.map { $0["name"] } == ["Outcome", "Greeting and disclosure"])
            #expect(scorecard["sections"]?[1]?["scores"]?[0]?["key"] == "greeting")
        }
    }

    @Test("An invalid source is refused with every problem, and nothing is stored", arguments: TestDatabase.available)
    func invalid(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let source = Self.source(type: "nonesuch") + "\n      - {key: resolved, name: Resolved, classifier: {type: fixed, value: Maybe}}"
            let reply = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(source)])
            #expect(reply.status == .unprocessableContent && reply.errorCode == "invalid_scorecard")
            let details = reply.json["error"]?["details"]?.arrayValue ?? []
            #expect(details.count == 2)
            #expect(reply.errorField == details.first?["path"]?.stringValue)
            for detail in details {
                let path = try #require(detail["path"]?.stringValue)
                #expect(reply.json["error"]?["message"]?.stringValue?.contains(path) == true, "\(path)")
                #expect(detail["line"]?.numberValue != nil)
            }
            #expect(try await server.request(.get, "/api/v1/scorecards/call-qa").status == .notFound)
            let unparsable = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": "key: [unclosed"])
            #expect(unparsable.status == .unprocessableContent && unparsable.json["error"]?["details"]?.arrayCount == 1)
        }
    }

    @Test("Unknown scorecards and versions are 404; a bad version number is 400")
    func notFound() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(Self.source())])
            #expect(try await server.request(.get, "/api/v1/scorecards/call-qa/versions/2").status == .notFound)
            #expect(try await server.request(.get, "/api/v1/scorecards/nope/versions/latest").status == .notFound)
            #expect(try await server.request(.get, "/api/v1/scorecards/nope/versions").status == .notFound)
            let bad = try await server.request(.get, "/api/v1/scorecards/call-qa/versions/zero")
            #expect(bad.status == .badRequest && bad.errorField == "version")
        }
    }
}
