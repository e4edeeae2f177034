import PlexusCore
import PlexusStore

/// Ingest straight into the store, without HTTP, with the same batches and concurrency.
struct StoreIngest {
    let store: SQLStore
    let batches: Int
    let batchSize: Int
    let clients: Int

    func run() async throws -> IngestMeasurement {
        let (_, principal) = try await BenchData.prepare(store)
        let drafts = try (0..<batches).map { batch in try BenchData.inputs(batch: batch, size: batchSize).map { try $0.draft() } }
        return try await IngestMeasurement.measure(batches: batches, batchSize: batchSize, clients: clients) { batch in
            _ = try await store.createScoreResults(drafts[batch], accountID: principal.accountID)
        }
    }
}

/// A benchmark that could not run.
enum BenchError: Error, CustomStringConvertible {
    case setup(String)
    case request(status: UInt, body: String)

    var description: String {
        switch self {
        case .setup(let detail): return "Benchmark setup failed: \(detail)."
        case .request(let status, let body): return "The server answered \(status): \(body)"
        }
    }
}
