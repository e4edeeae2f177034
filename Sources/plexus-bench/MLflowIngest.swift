import AsyncHTTPClient
import Foundation
import NIOCore
import PlexusClient
import PlexusCore

/// The same results sent to a real MLflow tracking server as metrics through `runs/log-batch`:
/// what a team would use without Plexus. Each result becomes one metric (its confidence, keyed by
/// score, stepped by its number); calls carry at most 1,000 metrics, MLflow's limit, from the same
/// number of clients, with bodies encoded before the clock starts.
struct MLflowIngest {
    let trackingURI: String
    let batches: Int
    let batchSize: Int
    let clients: Int

    /// The body of `runs/log-batch`, metrics only.
    private struct LogBatch: Encodable {
        let runID: String
        let metrics: [MLflowMetric]

        enum CodingKeys: String, CodingKey {
            case runID = "run_id", metrics
        }
    }

    func run() async throws -> IngestMeasurement {
        let mlflow = try MLflowClient(trackingURI: trackingURI)
        let experimentID = try await mlflow.experimentID(named: "plexus-bench-ingest", createIfMissing: true)
        let run = try await mlflow.createRun(experimentID: experimentID, runName: "ingest \(PlexusJSON.formatDate(Date()))")
        let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
        let encoder = JSONEncoder()
        // One list of calls per batch, so a batch is timed from its first call to its last, like one HTTP batch.
        let bodies = try (0..<batches).map { batch in
            let metrics = BenchData.inputs(batch: batch, size: batchSize).enumerated().map { index, input in
                MLflowMetric(key: "\(input.scoreKey ?? "score").confidence", value: input.confidence ?? 0,
                             step: Int64(batch * batchSize + index), timestamp: timestamp)
            }
            return try stride(from: 0, to: metrics.count, by: 1_000).map { start in
                ByteBuffer(bytes: try encoder.encode(LogBatch(runID: run.runID, metrics: Array(metrics[start..<min(start + 1_000, metrics.count)]))))
            }
        }
        let url = mlflow.trackingURI + "/api/2.0/mlflow/runs/log-batch"
        let measurement = try await IngestMeasurement.measure(batches: batches, batchSize: batchSize, clients: clients) { batch in
            for body in bodies[batch] {
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(body)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                let answer = try await response.body.collect(upTo: 1 << 20)
                guard response.status == .ok else { throw BenchError.request(status: response.status.code, body: String(buffer: answer)) }
            }
        }
        try await mlflow.updateRun(runID: run.runID, status: .finished, endTime: Date())
        return measurement
    }
}
