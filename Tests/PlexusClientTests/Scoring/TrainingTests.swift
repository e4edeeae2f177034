import Foundation
import PlexusClient
import PlexusCore
import PlexusScoring
import Testing

@Suite("Training ml scores through the server")
struct TrainingTests {
    static let scorecard = """
        key: topics
        name: Topics
        sections:
          - name: All
            scores:
              - key: topic
                name: Topic
                classes: [Billing, Outage]
                classifier:
                  type: ml
                  algorithm: logistic_regression
                  min_df: 1
                  test_size: 0.25
                  seed: 3
        """

    /// 40 labelled items whose words separate the two topics, in a JSONL file.
    static func labelledFile() throws -> String {
        let billing = ["invoice charged twice refund", "bill payment card charged", "charged late fee invoice"]
        let outage = ["internet down no signal", "outage router lights off", "no connection signal down"]
        let lines = (0..<40).map { index in
            let isBilling = index % 2 == 0
            let text = (isBilling ? billing : outage)[index % 3] + " call \(index)"
            return #"{"id":"t\#(index)","text":"Customer: \#(text)","labels":{"topic":"\#(isBilling ? "Billing" : "Outage")"}}"#
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topics-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("Training stores a model version the score then runs with")
    func trainAndScore() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            _ = try await client.scorecards.pushVersion(source: Self.scorecard)
            let file = try Self.labelledFile()
            _ = try await ItemImport(client: client, scorecardKey: "topics").run(file: file)
            let session = try await ScoringSession.open(client: client, scorecard: "topics")
            let first = try await session.train(score: "topic")
            let second = try await session.train(score: "topic")
            #expect(first.stored.version == 1)
            #expect(second.stored.version == 2)
            #expect(first.model.evaluation.heldOutCount == 10)
            #expect(first.model.evaluation.metrics?.accuracy == 1)
            let report = try await session.evaluate(EvaluationOptions())
            #expect(report.scores[0].tally.metrics.accuracy == 1)
            #expect(report.scores[0].tally.compared == 40)
            await client.shutdown()
        }
    }

    @Test("Training a score that is not ml says which scores can be trained")
    func notML() async throws {
        try await ScoringScene.run { scene in
            await #expect(throws: TrainingError.notMachineLearned(score: "greeting", type: "rules")) {
                _ = try await scene.session().train(score: "greeting")
            }
        }
    }
}
