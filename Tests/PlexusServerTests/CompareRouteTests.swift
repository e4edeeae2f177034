import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GET /api/v1/evaluations/{id}/compare/{candidateId}")
struct CompareRouteTests {
    private func compare(_ server: TestServer, _ ids: (baseline: String, candidate: String), query: String = "", key: String? = nil) async throws -> TestServer.Reply {
        try await server.request(.get, "/api/v1/evaluations/\(ids.baseline)/compare/\(ids.candidate)\(query)", key: key)
    }

    @Test("Pairs the shared labelled items and reports accuracies, McNemar's test and the interval", arguments: TestDatabase.available)
    func happyPath(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let fixture = CompareFixture.standard
            let ids = try await fixture.store(on: server)
            let reply = try await compare(server, ids, query: "?resamples=2000&seed=7")
            #expect(reply.status == .ok, "\(reply.text)")
            let json = reply.json
            // The labelled SKIPPED result and the unlabelled one are left out; "skipped" is then in the baseline only.
            #expect(json["items"]?.numberValue == Double(fixture.outcomes.count))
            #expect(json["unmatched"]?.numberValue == 2)
            #expect(json["baseline"]?["id"]?.stringValue == ids.baseline && json["candidate"]?["id"]?.stringValue == ids.candidate)
            #expect(json["baseline"]?["scoreKey"]?.stringValue == "greeting")
            let tolerance = 1e-12
            #expect(abs((json["baseline"]?["accuracy"]?.numberValue ?? -1) - fixture.baselineAccuracy) < tolerance)
            #expect(abs((json["candidate"]?["accuracy"]?.numberValue ?? -1) - fixture.candidateAccuracy) < tolerance)
            #expect(abs((json["difference"]?.numberValue ?? -1) - (fixture.candidateAccuracy - fixture.baselineAccuracy)) < tolerance)
            let mcNemar = try #require(json["mcNemar"])
            #expect(mcNemar["baselineOnlyCorrect"]?.numberValue == Double(fixture.baselineOnly))
            #expect(mcNemar["candidateOnlyCorrect"]?.numberValue == Double(fixture.candidateOnly))
            #expect(abs((mcNemar["exactPValue"]?.numberValue ?? -1) - fixture.exactPValue) < 1e-9)
            #expect(abs((mcNemar["chiSquare"]?.numberValue ?? -1) - fixture.chiSquare.statistic) < 1e-9)
            #expect(abs((mcNemar["chiSquarePValue"]?.numberValue ?? -1) - fixture.chiSquare.pValue) < 1e-6)
            #expect(json["significant"] == .bool(fixture.exactPValue < 0.05))
            let interval = try #require(json["interval"])
            #expect(interval["resamples"]?.numberValue == 2000 && interval["confidence"]?.numberValue == 0.95)
            let lower = try #require(interval["lower"]?.numberValue)
            let upper = try #require(interval["upper"]?.numberValue)
            #expect(lower <= fixture.candidateAccuracy - fixture.baselineAccuracy && fixture.candidateAccuracy - fixture.baselineAccuracy <= upper)
            #expect(lower > -1 && upper < 1 && lower < upper)
        }
    }

    @Test("The same seed gives the same interval", arguments: TestDatabase.available)
    func deterministic(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let ids = try await CompareFixture.standard.store(on: server)
            let first = try await compare(server, ids, query: "?resamples=500&seed=3")
            let second = try await compare(server, ids, query: "?resamples=500&seed=3")
            #expect(first.status == .ok && first.json["interval"] == second.json["interval"])
        }
    }

    @Test("Results on more than one page of the store are all read", arguments: TestDatabase.available)
    func everyPage(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let ids = (baseline: try await CompareFixture.evaluation(on: server), candidate: try await CompareFixture.evaluation(on: server))
            // One more item than the largest page, so the last one is only on the second page.
            let count = PageRequest.maximumLimit + 1
            for (evaluation, wrongItem) in [(ids.baseline, -1), (ids.candidate, count - 1)] {
                let results: [JSONValue] = (0..<count).map { index in
                    CompareFixture.result("call-\(index)", truth: "Yes", correct: index != wrongItem, evaluation: evaluation)
                }
                #expect(try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": .array(results)]).status == .ok)
            }
            let reply = try await compare(server, ids, query: "?resamples=100")
            #expect(reply.json["items"]?.numberValue == Double(count) && reply.json["unmatched"]?.numberValue == 0)
            #expect(reply.json["mcNemar"]?["baselineOnlyCorrect"]?.numberValue == 1)
        }
    }

    @Test("Another account's evaluation is not found", arguments: TestDatabase.available)
    func otherAccount(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let ids = try await CompareFixture.standard.store(on: server)
            let other = try await server.makeAccount("other")
            let own = try await CompareFixture.standard.store(on: server, key: other)
            for pair in [ids, (own.baseline, ids.candidate), (ids.baseline, own.candidate)] {
                let reply = try await compare(server, pair, key: other)
                #expect(reply.status == .notFound && reply.errorCode == "not_found", "\(reply.text)")
            }
            #expect(try await compare(server, own, key: other).status == .ok)
        }
    }

    @Test("Evaluations that share no judged item are a 422 naming the candidate", arguments: TestDatabase.available)
    func noCommonItems(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let baseline = try await CompareFixture.evaluation(on: server)
            let candidate = try await CompareFixture.evaluation(on: server)
            let results: [JSONValue] = [
                CompareFixture.result("call-1", truth: "Yes", evaluation: baseline),
                CompareFixture.result("call-2", truth: "Yes", evaluation: candidate),
            ]
            _ = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": .array(results)])
            let reply = try await compare(server, (baseline, candidate))
            #expect(reply.status == .unprocessableContent && reply.errorCode == "no_common_items" && reply.errorField == "candidateId")
            #expect(reply.json["error"]?["message"]?.stringValue?.contains("share no") == true)
        }
    }

    @Test("resamples outside 100–100000 or not a number is a 400 naming it", arguments: TestDatabase.available)
    func badResamples(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let ids = try await CompareFixture.standard.store(on: server)
            for value in ["99", "100001", "many", "1.5"] {
                let reply = try await compare(server, ids, query: "?resamples=\(value)")
                #expect(reply.status == .badRequest && reply.errorField == "resamples", "\(value): \(reply.text)")
                #expect(reply.json["error"]?["message"]?.stringValue?.contains("'\(value)'") == true)
            }
            #expect(try await compare(server, ids, query: "?seed=-1").errorField == "seed")
        }
    }
}
