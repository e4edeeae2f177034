import ArgumentParser
import Foundation
import Logging
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport

/// `plexus-bench ingest`: score results per second through HTTP and straight into the store, on
/// SQLite and optionally PostgreSQL, beside the same results sent to MLflow.
struct IngestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Send score results in batches over HTTP to a server, then into the raw store, and compare.",
        discussion: """
            Runs on SQLite in a temporary folder; with --postgres, also on a scratch database made on that \
            server (and dropped); with --mlflow or MLFLOW_TRACKING_URI, also sends the same results to that \
            MLflow server's runs/log-batch as metrics. Prints one line per path: results/s, p50/p99 batch \
            latency and the process's peak RSS so far, then the ratios.
            """
    )

    @Option(help: "Score results per path.")
    var results = 200_000

    @Option(help: "Results per batch.")
    var batchSize = 1_000

    @Option(help: "Concurrent clients.")
    var clients = 4

    @Flag(help: "Measure only the HTTP path on SQLite (for profiling).")
    var httpOnly = false

    @Option(help: "A PostgreSQL server URL (postgres://user:password@host:port/database) to measure as well (env PLEXUS_BENCH_POSTGRES_URL).")
    var postgres: String?

    @Option(help: "An MLflow tracking URI to compare with (env MLFLOW_TRACKING_URI).")
    var mlflow: String?

    func run() async throws {
        let batches = max(1, results / batchSize)
        let environment = ProcessInfo.processInfo.environment
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let http = try await measure(.sqlite(path: folder.appendingPathComponent("http.sqlite").path), label: "sqlite http") {
            try await HTTPIngest(store: $0, batches: batches, batchSize: batchSize, clients: clients).run()
        }
        guard !httpOnly else { return }
        let store = try await measure(.sqlite(path: folder.appendingPathComponent("store.sqlite").path), label: "sqlite store") {
            try await StoreIngest(store: $0, batches: batches, batchSize: batchSize, clients: clients).run()
        }
        print(String(format: "sqlite http/store throughput ratio: %.2f", http.resultsPerSecond / store.resultsPerSecond))

        var httpPaths = [("sqlite", http)]
        if let server = postgres ?? environment["PLEXUS_BENCH_POSTGRES_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let postgresHTTP = try await measurePostgres(server, label: "postgres http") {
                try await HTTPIngest(store: $0, batches: batches, batchSize: batchSize, clients: clients).run()
            }
            let postgresStore = try await measurePostgres(server, label: "postgres store") {
                try await StoreIngest(store: $0, batches: batches, batchSize: batchSize, clients: clients).run()
            }
            print(String(format: "postgres http/store throughput ratio: %.2f", postgresHTTP.resultsPerSecond / postgresStore.resultsPerSecond))
            httpPaths.append(("postgres", postgresHTTP))
        }
        if let trackingURI = mlflow ?? environment["MLFLOW_TRACKING_URI"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let logged = try await MLflowIngest(trackingURI: trackingURI, batches: batches, batchSize: batchSize, clients: clients).run()
            print(logged.line(label: "mlflow log-batch", unit: "metrics/s"))
            for (database, measurement) in httpPaths {
                print(String(format: "%@ http/mlflow throughput ratio: %.2f", database, measurement.resultsPerSecond / logged.resultsPerSecond))
            }
        }
    }

    /// Runs `path` on a fresh store at `location` and prints its line.
    private func measure(
        _ location: DatabaseLocation, label: String, _ path: (SQLStore) async throws -> IngestMeasurement
    ) async throws -> IngestMeasurement {
        let store = try await SQLStore.open(location)
        let measurement: IngestMeasurement
        do {
            measurement = try await path(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        print(measurement.line(label: label))
        return measurement
    }

    /// Runs `path` on a scratch database of the PostgreSQL server, dropped afterwards.
    private func measurePostgres(
        _ server: String, label: String, _ path: (SQLStore) async throws -> IngestMeasurement
    ) async throws -> IngestMeasurement {
        let (location, drop) = try await TestDatabase.makeEmptyPostgres(serverURL: server, prefix: "plexus_bench_")
        do {
            let measurement = try await measure(location, label: label, path)
            try await drop()
            return measurement
        } catch {
            try? await drop()
            throw error
        }
    }
}
