import Foundation
import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Evaluation jobs over REST")
struct JobEvaluationTests {
    private func seed(_ server: TestServer, items count: Int, labels: Bool = true) async throws {
        let pushed = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(JobFixtures.source)])
        try #require(pushed.status == .created, "\(pushed.text)")
        _ = try await server.request(.post, "/api/v1/items/batch", json: JobFixtures.items(count))
        if labels {
            let labelled = try await server.request(.post, "/api/v1/labels/batch", json: JobFixtures.greetingLabels(count))
            try #require(labelled.status.code < 300, "\(labelled.text)")
        }
    }

    /// The fraction of items `indexes` whose rules prediction matches the reviewer's label.
    private func expectedAccuracy(_ indexes: [Int]) -> Double {
        let agreed = indexes.count { (JobFixtures.greets($0) ? "Yes" : "No") == JobFixtures.greetingLabel($0) }
        return Double(agreed) / Double(indexes.count)
    }

    @Test("An evaluation job records a COMPLETED evaluation with the accuracy the labels give", arguments: TestDatabase.available)
    func evaluation(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 12)
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "evaluation", "scorecard": "call-qa", "scores": ["greeting"]])
            #expect(queued.status == .accepted && queued.json["kind"] == "evaluation")
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "completed", "\(job)")
            let evaluationID = try #require(job["evaluationIds"]?[0]?.stringValue)
            #expect(job["evaluationIds"]?.arrayCount == 1 && job["progress"]?["totalItems"] == 12)
            let evaluation = try await server.request(.get, "/api/v1/evaluations/\(evaluationID)").json
            #expect(evaluation["status"] == "COMPLETED" && evaluation["type"] == "evaluation" && evaluation["processedItems"] == 12)
            let accuracy = try #require(evaluation["accuracy"]?.numberValue)
            #expect(abs(accuracy - expectedAccuracy(Array(1...12))) < 1e-12)
            #expect(accuracy < 1, "the fixture's labels disagree with the transcript on some items")
            let results = try await server.request(.get, "/api/v1/score-results?limit=1000&evaluationId=\(evaluationID)").json["data"]?.arrayValue ?? []
            #expect(results.count == 12)
            for result in results {
                let item = try #require(result["idempotencyKey"]?.stringValue?.split(separator: "/").last.map(String.init))
                let index = try #require(Int(item.dropFirst(5)))
                #expect(result["metadata"]?["trueValue"] == .string(JobFixtures.greetingLabel(index)))
                #expect(result["idempotencyKey"] == .string("call-qa/eval-\(evaluationID)/greeting/\(item)") && result["scorecardVersion"] == 1)
            }
        }
    }

    @Test("A sample draws that many labelled items", arguments: TestDatabase.available)
    func sample(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 12)
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "evaluation", "scorecard": "call-qa", "sample": 5, "seed": 7])
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "completed" && job["progress"]?["totalItems"] == 5, "\(job)")
            #expect(job["parameters"]?["seed"] == 7 && job["parameters"]?["sample"] == 5)
            // Only greeting has labels, so only greeting is evaluated (as in `plexus evaluate`).
            #expect(job["evaluationIds"]?.arrayCount == 1)
        }
    }

    @Test("Without labels the job fails and says what to upload", arguments: TestDatabase.available)
    func noLabels(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            try await seed(server, items: 3, labels: false)
            let job = try await JobHarness.finished(
                try await server.request(.post, "/api/v1/jobs", json: ["kind": "evaluation", "scorecard": "call-qa"]), on: server)
            #expect(job["status"] == "failed")
            #expect(job["error"]?.stringValue?.contains("labels/batch") == true, "\(job)")
        }
    }
}
