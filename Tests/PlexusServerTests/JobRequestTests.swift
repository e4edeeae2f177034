import Foundation
import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Job requests: validation and isolation")
struct JobRequestTests {
    private func seed(_ server: TestServer) async throws {
        _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(JobFixtures.source)])
        _ = try await server.request(.post, "/api/v1/items/batch", json: JobFixtures.items(3))
    }

    static let badRequests: [(body: JSONValue, status: Int, field: String)] = [
        (["kind": "training", "scorecard": "call-qa"], 400, "kind"),
        (["scorecard": "call-qa"], 400, "kind"),
        (["kind": "scoring", "scorecard": "nonesuch"], 422, "scorecard"),
        (["kind": "scoring", "scorecard": "call-qa", "version": 9], 422, "version"),
        (["kind": "scoring", "scorecard": "call-qa", "version": 0], 400, "version"),
        (["kind": "scoring", "scorecard": "call-qa", "scores": ["greeting", "tone"]], 422, "scores[1]"),
        (["kind": "scoring", "scorecard": "call-qa", "items": ["call-01", "call-77"]], 422, "items[1]"),
        (["kind": "scoring", "scorecard": "call-qa", "items": "some"], 400, "items"),
        (["kind": "scoring", "scorecard": "call-qa", "sample": 5], 400, "sample"),
        (["kind": "evaluation", "scorecard": "call-qa", "sample": 0], 400, "sample"),
        (["kind": "evaluation", "scorecard": "call-qa", "items": "all"], 400, "items"),
    ]

    @Test("Bad job requests are refused with the offending field, and nothing is queued", arguments: TestDatabase.available)
    func badRequests(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server)
            for (body, status, field) in Self.badRequests {
                let reply = try await server.request(.post, "/api/v1/jobs", json: body)
                #expect(Int(reply.status.code) == status && reply.errorField == field, "\(body) → \(reply.text)")
                #expect(reply.json["error"]?["message"]?.stringValue?.isEmpty == false)
            }
            #expect(try await server.request(.get, "/api/v1/jobs").json["data"]?.arrayCount == 0)
        }
    }

    @Test("Another account can neither read nor list a job, nor score the first account's scorecard", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server)
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa"])
            let id = try #require(queued.json["id"]?.stringValue)
            let other = try await server.makeAccount("other")
            #expect(try await server.request(.get, "/api/v1/jobs/\(id)", key: other).status == .notFound)
            #expect(try await server.request(.get, "/api/v1/jobs", key: other).json["data"]?.arrayCount == 0)
            let foreign = try await server.request(.post, "/api/v1/jobs", key: other, json: ["kind": "scoring", "scorecard": "call-qa"])
            #expect(foreign.status == .unprocessableContent && foreign.errorField == "scorecard")
            #expect(try await server.request(.get, "/api/v1/jobs/\(id)").status == .ok)
        }
    }

    @Test("Jobs are listed newest first, a page at a time", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server)
            var ids: [String] = []
            for _ in 0..<3 {
                ids.append(try #require(try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa"]).json["id"]?.stringValue))
            }
            let first = try await server.request(.get, "/api/v1/jobs?limit=2")
            let cursor = try #require(first.json["nextCursor"]?.stringValue)
            let second = try await server.request(.get, "/api/v1/jobs?limit=2&cursor=\(cursor)")
            let listed = ((first.json["data"]?.arrayValue ?? []) + (second.json["data"]?.arrayValue ?? [])).compactMap { $0["id"]?.stringValue }
            #expect(listed == ids.reversed())
        }
    }
}
