import Foundation
import PlexusClient
import PlexusCore
import PlexusScoring
import Testing

@Suite("Evaluations and trained models in a real MLflow server", .enabled(if: MLflowTestServer.isEnabled, "set PLEXUS_TEST_MLFLOW_URI to an MLflow server"))
struct MLflowLoggingTests {
    @Test("Each evaluated score becomes an MLflow run with its params, metrics and artifacts")
    func evaluationRuns() async throws {
        let mlflow = try MLflowTestServer.client()
        try await ScoringScene.run { scene in
            _ = try await ItemImport(client: scene.client, scorecardKey: "qa-code").run(file: try ScoringScene.itemsFile())
            var report = try await scene.session().evaluate(EvaluationOptions(scores: ["greeting", "polite"]))
            report.scorecardKey = MLflowTestServer.uniqueName("qa")
            let logger = MLflowLogger(client: mlflow)
            for (run, score) in zip(try report.mlflowRuns(), report.scores) {
                let logged = try await logger.log(run)
                let stored = try await mlflow.run(id: logged.runID)
                #expect(stored.params["score"] == score.tally.score.key)
                #expect(stored.params["classifier_type"] == score.classifierType)
                #expect(stored.params["scorecard_version"] == "1")
                #expect(stored.metrics["accuracy"]?.value == score.tally.metrics.accuracy)
                #expect(stored.metrics["kappa"]?.value == score.tally.metrics.kappa)
                #expect(stored.metrics["class.Yes.recall"] != nil)
                #expect(stored.tags["plexus.evaluation_id"] == score.evaluationID.rawValue)
                #expect(logged.artifactsUploaded)
            }
        }
    }

    @Test("A trained model is registered as the next version of the score's MLflow model")
    func registration() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            _ = try await client.scorecards.pushVersion(source: TrainingTests.scorecard)
            _ = try await ItemImport(client: client, scorecardKey: "topics").run(file: try TrainingTests.labelledFile())
            let report = try await ScoringSession.open(client: client, scorecard: "topics").train(score: "topic")
            let name = MLflowTestServer.uniqueName("topics")
            let first = try await report.logToMLflow(uri: MLflowTestServer.uri!, scorecard: name, score: "topic")
            let second = try await report.logToMLflow(uri: MLflowTestServer.uri!, scorecard: name, score: "topic")
            #expect(first.modelName == "\(name).topic")
            #expect(first.modelVersion == 1)
            #expect(second.modelVersion == 2)
            let run = try await MLflowTestServer.client().run(id: second.runID)
            #expect(run.params["algorithm"] == "logistic_regression")
            #expect(run.metrics["accuracy"]?.value == report.model.evaluation.metrics?.accuracy)
            await client.shutdown()
        }
    }
}
