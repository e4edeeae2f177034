import Foundation
import PlexusClient
import Testing

@Suite("MLflow client against a real server", .enabled(if: MLflowTestServer.isEnabled, "set PLEXUS_TEST_MLFLOW_URI to an MLflow server"))
struct MLflowServerTests {
    private func startRun(_ client: MLflowClient, tags: [String: String] = [:]) async throws -> MLflowRunInfo {
        let experimentID = try await client.experimentID(named: MLflowTestServer.uniqueName("client"), createIfMissing: true)
        return try await client.createRun(experimentID: experimentID, runName: "run-under-test", tags: tags, startTime: Date(timeIntervalSince1970: 1_700_000_000.123))
    }

    @Test("An experiment is created when missing and found by name afterwards")
    func experimentByName() async throws {
        let client = try MLflowTestServer.client()
        let name = MLflowTestServer.uniqueName("experiment")
        #expect(try await client.experiment(named: name) == nil)
        let created = try await client.experimentID(named: name, createIfMissing: true)
        #expect(try await client.experimentID(named: name, createIfMissing: true) == created)
        #expect(try await client.experiment(named: name)?.name == name)
    }

    @Test("A run's params, metrics, tags, name, times and status read back exactly")
    func runRoundTrip() async throws {
        let client = try MLflowTestServer.client()
        let run = try await startRun(client, tags: ["plexus.scorecard": "call-qa"])
        let metrics = [MLflowMetric(key: "accuracy", value: 0.8734567891234, step: 3, timestamp: 1_700_000_000_500), MLflowMetric(key: "kappa", value: -0.125, step: 0, timestamp: 1)]
        try await client.logBatch(
            runID: run.runID, params: [MLflowKeyValue(key: "model", value: "gpt-ñ 4"), MLflowKeyValue(key: "threshold", value: "0.5")],
            metrics: metrics, tags: [MLflowKeyValue(key: "stage", value: "eval")]
        )
        try await client.updateRun(runID: run.runID, status: .finished, endTime: Date(timeIntervalSince1970: 1_700_000_100))
        let stored = try await client.run(id: run.runID)
        #expect(stored.params == ["model": "gpt-ñ 4", "threshold": "0.5"])
        #expect(stored.metrics["accuracy"] == metrics[0])
        #expect(stored.metrics["kappa"] == metrics[1])
        #expect(stored.tags["plexus.scorecard"] == "call-qa" && stored.tags["stage"] == "eval")
        #expect(stored.tags["mlflow.runName"] == "run-under-test")
        #expect(stored.info.startTime == 1_700_000_000_123 && stored.info.endTime == 1_700_000_100_000)
        #expect(stored.info.status == .finished)
    }

    @Test("More than 1000 metric values are all logged, each at its step")
    func manyMetrics() async throws {
        let client = try MLflowTestServer.client()
        let run = try await startRun(client)
        let values = (0..<2500).map { MLflowMetric(key: "loss", value: 1 / Double($0 + 1), step: Int64($0)) }
        let plan = try await client.logBatch(runID: run.runID, metrics: values)
        #expect(plan.batches.count == 3)
        let history = try await client.metricHistory(runID: run.runID, key: "loss")
        #expect(history.count == 2500)
        #expect(Dictionary(uniqueKeysWithValues: history.map { ($0.step, $0.value) }) == Dictionary(uniqueKeysWithValues: values.map { ($0.step, $0.value) }))
    }

    @Test("A long param value is split so that its parts join back to the original")
    func longParam() async throws {
        let client = try MLflowTestServer.client()
        let run = try await startRun(client)
        let prompt = (0..<1400).map { "line \($0)\n" }.joined()
        let plan = try await client.logBatch(runID: run.runID, params: [MLflowKeyValue(key: "prompt", value: prompt)])
        let params = try await client.run(id: run.runID).params
        let keys = ["prompt"] + (2...).prefix { params["prompt.part\($0)"] != nil }.map { "prompt.part\($0)" }
        #expect(plan.notes.count == 1)
        #expect(keys.count == (prompt.count + 5999) / 6000)
        #expect(keys.compactMap { params[$0] }.joined() == prompt)
    }

    @Test("An uploaded artifact downloads back byte for byte through the proxy")
    func artifactRoundTrip() async throws {
        let client = try MLflowTestServer.client()
        let run = try await startRun(client)
        let bytes = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try await client.uploadArtifact(run: run, path: "reports/confusion matrix.bin", data: bytes)
        #expect(try await client.downloadArtifact(run: run, path: "reports/confusion matrix.bin") == bytes)
    }

    @Test("A missing artifact is reported with MLflow's error code")
    func missingArtifact() async throws {
        let client = try MLflowTestServer.client()
        let run = try await startRun(client)
        let error = await #expect(throws: MLflowError.self) { try await client.downloadArtifact(run: run, path: "nope.txt") }
        #expect(error?.errorCode == "RESOURCE_DOES_NOT_EXIST")
    }

    @Test("A run that does not exist is reported with MLflow's error code and message")
    func missingRun() async throws {
        let client = try MLflowTestServer.client()
        let error = await #expect(throws: MLflowError.self) { try await client.run(id: "0123456789abcdef0123456789abcdef") }
        #expect(error?.errorCode == "RESOURCE_DOES_NOT_EXIST")
        #expect(error?.description.contains("0123456789abcdef0123456789abcdef") == true)
    }
}
