import Foundation
import PlexusClient
import Testing

@Suite("MLflow logger against a real server", .enabled(if: MLflowTestServer.isEnabled, "set PLEXUS_TEST_MLFLOW_URI to an MLflow server"))
struct MLflowLoggerTests {
    private func evaluationLog(experiment: String) -> MLflowRunLog {
        MLflowRunLog(
            experimentName: experiment, runName: "eval-1",
            params: ["classifier": "keyword", "sample_size": "200"],
            metrics: [MLflowMetric(key: "accuracy", value: 0.91), MLflowMetric(key: "f1", value: 0.5, step: 0), MLflowMetric(key: "f1", value: 0.75, step: 1)],
            tags: ["plexus.scorecard": "call-qa"],
            artifacts: [MLflowArtifact(path: "confusion.json", data: Data(#"{"labels":["Yes","No"]}"#.utf8))]
        )
    }

    @Test("Logging a run log creates a finished run holding everything, with artifacts as files")
    func logsEverything() async throws {
        let client = try MLflowTestServer.client()
        let logger = MLflowLogger(client: client)
        let log = evaluationLog(experiment: MLflowTestServer.uniqueName("logger"))
        let logged = try await logger.log(log)
        let run = try await client.run(id: logged.runID)
        #expect(logged.artifactsUploaded)
        #expect(logged.url == "\(client.trackingURI)/#/experiments/\(logged.experimentID)/runs/\(logged.runID)")
        #expect(run.info.status == .finished && run.info.endTime != nil)
        #expect(run.params == log.params)
        #expect(run.metrics["accuracy"]?.value == 0.91 && run.metrics["f1"]?.value == 0.75)
        #expect(run.tags["plexus.scorecard"] == "call-qa")
        #expect(try await client.downloadArtifact(run: run.info, path: "confusion.json") == log.artifacts[0].data)
    }

    @Test("Registering a model twice gives versions 1 and 2, sourced from the run's artifacts")
    func modelVersions() async throws {
        let client = try MLflowTestServer.client()
        let logger = MLflowLogger(client: client)
        let logged = try await logger.log(evaluationLog(experiment: MLflowTestServer.uniqueName("model")))
        let name = MLflowTestServer.uniqueName("classifier")
        #expect(try await logger.registerModel(name: name, runID: logged.runID, artifactPath: "model") == 1)
        #expect(try await logger.registerModel(name: name, runID: logged.runID, artifactPath: "model") == 2)
        let run = try await client.run(id: logged.runID)
        let third = try await client.createModelVersion(name: name, run: run.info, artifactPath: "model")
        #expect(third.version == 3 && third.source == run.info.artifactURI + "/model" && third.runID == logged.runID)
    }
}

@Suite("MLflow logger fallback for servers that cannot take files", .enabled(if: MLflowTestServer.isEnabled, "set PLEXUS_TEST_MLFLOW_URI to an MLflow server"))
struct MLflowLoggerFallbackTests {
    @Test("When runs store artifacts outside the proxy, artifacts become plexus.artifact tags")
    func fallsBackToTags() async throws {
        let client = try MLflowTestServer.client()
        // An experiment whose artifacts live in a plain directory: the server cannot take them over HTTP.
        let name = MLflowTestServer.uniqueName("fallback")
        _ = try await client.createExperiment(named: name, artifactLocation: "/tmp/plexus-mlflow-no-proxy/\(name)")
        let log = MLflowRunLog(
            experimentName: name, runName: "eval-fallback",
            artifacts: [MLflowArtifact(path: "summary.json", data: Data(#"{"accuracy":0.9}"#.utf8))]
        )
        let logged = try await MLflowLogger(client: client).log(log)
        let run = try await client.run(id: logged.runID)
        #expect(!logged.artifactsUploaded)
        #expect(run.tags["plexus.artifact.summary.json"] == #"{"accuracy":0.9}"#)
        #expect(logged.notes.contains { $0.contains("plexus.artifact.") })
        #expect(run.info.status == .finished)
    }
}
