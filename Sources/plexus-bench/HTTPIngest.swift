import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import PlexusCore
import PlexusServer
import PlexusStore

/// Ingest through a real server on a loopback port, with bodies encoded before the clock starts.
struct HTTPIngest {
    let store: SQLStore
    let batches: Int
    let batchSize: Int
    let clients: Int

    func run() async throws -> IngestMeasurement {
        let (key, _) = try await BenchData.prepare(store)
        let encoder = PlexusJSON.encoder()
        let bodies = try (0..<batches).map { batch in
            ByteBuffer(bytes: try encoder.encode(ScoreResultBatch(scoreResults: BenchData.inputs(batch: batch, size: batchSize))))
        }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "plexus.bench")
        logger.logLevel = .critical  // the server logs its own cancellation at shutdown as an error
        let app = buildApplication(configuration: ServerConfiguration(port: 0), store: store, logger: logger) { port in
            portContinuation.yield(port)
        }
        return try await withThrowingTaskGroup(of: IngestMeasurement?.self) { group in
            group.addTask { try await app.run(); return nil }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { throw BenchError.setup("the server did not start") }
            let url = "http://127.0.0.1:\(port)/api/v1/score-results/batch"
            let measurement = try await IngestMeasurement.measure(batches: batches, batchSize: batchSize, clients: clients) { batch in
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(key)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(bodies[batch])
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                let body = try await response.body.collect(upTo: 1 << 20)
                guard response.status == .ok else { throw BenchError.request(status: response.status.code, body: String(buffer: body)) }
            }
            group.cancelAll()
            return measurement
        }
    }
}
