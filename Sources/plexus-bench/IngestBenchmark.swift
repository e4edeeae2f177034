import ArgumentParser
import Foundation
import Logging
import PlexusCore
import PlexusServer
import PlexusStore

/// `plexus-bench ingest`: score results per second through HTTP and straight into the store.
struct IngestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Send score results in batches over HTTP to a server on SQLite, then into the raw store, and compare.",
        discussion: "Prints one line per path: results/s, p50/p99 batch latency and the process's peak RSS so far."
    )

    @Option(help: "Score results per path.")
    var results = 200_000

    @Option(help: "Results per batch.")
    var batchSize = 1_000

    @Option(help: "Concurrent clients.")
    var clients = 4

    @Flag(help: "Measure only the HTTP path (for profiling).")
    var httpOnly = false

    func run() async throws {
        let batches = max(1, results / batchSize)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let httpStore = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent("http.sqlite").path))
        let http = try await HTTPIngest(store: httpStore, batches: batches, batchSize: batchSize, clients: clients).run()
        try await httpStore.close()
        print(http.line(label: "http"))
        guard !httpOnly else { return }

        let rawStore = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent("store.sqlite").path))
        let raw = try await StoreIngest(store: rawStore, batches: batches, batchSize: batchSize, clients: clients).run()
        try await rawStore.close()
        print(raw.line(label: "store"))
        print(String(format: "http/store throughput ratio: %.2f", http.resultsPerSecond / raw.resultsPerSecond))
    }
}
