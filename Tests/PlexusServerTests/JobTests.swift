import Foundation
import Hummingbird
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Background jobs over REST")
struct JobTests {
    /// Pushes the rules scorecard and uploads `count` items.
    private func seed(_ server: TestServer, items count: Int) async throws {
        let pushed = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(JobFixtures.source)])
        try #require(pushed.status == .created, "\(pushed.text)")
        let uploaded = try await server.request(.post, "/api/v1/items/batch", json: JobFixtures.items(count))
        try #require(uploaded.status.code < 300, "\(uploaded.text)")
    }

    private func results(_ server: TestServer, query: String = "") async throws -> [JSONValue] {
        try await server.request(.get, "/api/v1/score-results?limit=1000" + query).json["data"]?.arrayValue ?? []
    }

    @Test("A scoring job scores the stored items and stores results with the scorecard version", arguments: TestDatabase.available)
    func scoring(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 9)
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa", "items": "unscored"])
            #expect(queued.status == .accepted && queued.json["status"] == "queued" && queued.json["kind"] == "scoring")
            #expect(queued.json["parameters"]?["version"] == 1)
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "completed", "\(job)")
            #expect(job["progress"]?["itemsScored"] == 9 && job["progress"]?["resultsStored"] == 18)
            let stored = try await results(server)
            #expect(stored.count == 18)
            for result in stored {
                let item = try #require(result["idempotencyKey"]?.stringValue?.split(separator: "/").last.map(String.init))
                let index = try #require(Int(item.dropFirst(5)))
                let score = try #require(result["idempotencyKey"]?.stringValue?.split(separator: "/").dropFirst(2).first.map(String.init))
                let expected = score == "greeting" ? JobFixtures.greets(index) : JobFixtures.apologises(index)
                #expect(result["value"] == .string(expected ? "Yes" : "No"), "\(result)")
                #expect(result["scorecardVersion"] == 1 && result["scoringJobId"] == queued.json["id"])
                #expect(result["idempotencyKey"] == .string("call-qa/v1/\(score)/\(item)"))
            }
        }
    }

    @Test("A second job finds every item scored and stores nothing new", arguments: TestDatabase.available)
    func resume(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 6)
            let first = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa"])
            _ = try await JobHarness.finished(first, on: server)
            for items: JSONValue in ["unscored", "all"] {
                let again = try await JobHarness.finished(
                    try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa", "items": items]), on: server)
                #expect(again["status"] == "completed" && again["progress"]?["itemsScored"] == 0 && again["progress"]?["itemsResumed"] == 6)
            }
            #expect(try await results(server).count == 12)
        }
    }

    @Test("After a new version, \"unscored\" skips items any version scored while \"all\" rescores them", arguments: TestDatabase.available)
    func newVersion(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 4)
            _ = try await JobHarness.finished(try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa"]), on: server)
            let renamed = JobFixtures.source.replacingOccurrences(of: "name: Call QA", with: "name: Call QA 2")
            #expect(try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(renamed)]).json["version"] == 2)
            let unscored = try await JobHarness.finished(
                try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa", "items": "unscored"]), on: server)
            #expect(unscored["parameters"]?["version"] == 2 && unscored["progress"]?["itemsScored"] == 0 && unscored["progress"]?["itemsResumed"] == 4)
            let all = try await JobHarness.finished(
                try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "call-qa", "items": "all"]), on: server)
            #expect(all["progress"]?["itemsScored"] == 4 && all["progress"]?["resultsStored"] == 8)
            let versions = try await results(server).compactMap { $0["scorecardVersion"]?.numberValue }
            #expect(versions.count(where: { $0 == 1 }) == 8 && versions.count(where: { $0 == 2 }) == 8)
        }
    }

    @Test("A job listing items and scores scores only those", arguments: TestDatabase.available)
    func listed(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 6)
            let queued = try await server.request(.post, "/api/v1/jobs", json: [
                "kind": "scoring", "scorecard": "call-qa", "scores": ["apology"], "items": ["call-02", "call-05"],
            ])
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "completed" && job["progress"]?["itemsScored"] == 2)
            let keys = try await results(server).compactMap { $0["idempotencyKey"]?.stringValue }
            #expect(Set(keys) == ["call-qa/v1/apology/call-02", "call-qa/v1/apology/call-05"])
        }
    }

    @Test("A job a killed process left running is re-queued at start and skips what it stored", arguments: TestDatabase.available)
    func restart(database: TestDatabase) async throws {
        let prepare: @Sendable (SQLStore, Identifier<Account>) async throws -> Void = { store, account in
            let draft = try ScorecardSourceValidator.parser().read(JobFixtures.source)
            _ = try await store.pushScorecardVersion(source: JobFixtures.source, draft: draft, accountID: account)
            _ = try await store.createItems((1...5).map { ItemDraft(externalId: JobFixtures.id($0), text: JobFixtures.text($0)) }, accountID: account)
            _ = try await store.createScoreResults(["greeting", "apology"].map { score in
                ScoreResultDraft(scorecard: "call-qa", score: score, item: .externalId(JobFixtures.id(1)), value: "Yes",
                                 idempotencyKey: "call-qa/v1/\(score)/\(JobFixtures.id(1))", scorecardVersion: 1)
            }, accountID: account)
            let parameters = JobParameters(scorecard: "call-qa", version: 1, items: .all)
            _ = try await store.createJob(kind: .scoring, parameters: parameters, accountID: account)
            _ = try #require(try await store.claimNextJob())
        }
        try await JobHarness.run(database, prepare: prepare) { server in
            let listed = try await server.request(.get, "/api/v1/jobs")
            let job = try await JobHarness.finished(id: try #require(listed.json["data"]?[0]?["id"]?.stringValue), on: server)
            #expect(job["status"] == "completed" && job["attempts"] == 2)
            #expect(job["progress"]?["itemsResumed"] == 1 && job["progress"]?["itemsScored"] == 4)
            #expect(try await results(server).count == 10)
        }
    }
}
