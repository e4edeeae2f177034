import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import PlexusCore
import PlexusServer
import PlexusStore
import Synchronization

/// `plexus-bench load`: many clients, each with its own key, mixing reads and writes against a
/// real server on SQLite for a fixed time; prints requests, errors, p50 and p99 per route, and
/// fails when any request failed.
struct LoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Mixed reads and writes from concurrent clients against a server on SQLite; fails on any error.",
        discussion: """
            Each client repeats a fixed mix (per 20 requests: 8 result lists, 3 scorecard reads, 2 item lists, \
            4 batches of 10 results, 2 performance summaries, 1 single result) as fast as answers come.
            """)

    @Option(help: "How long to run, in seconds.")
    var seconds = 60

    @Option(help: "Concurrent clients, each with its own API key.")
    var clients = 32

    /// One kind of request of the mix.
    private struct Operation: Sendable {
        let route: String
        let method: HTTPMethod
        let path: @Sendable (_ client: Int, _ count: Int) -> String
        let body: (@Sendable (_ client: Int, _ count: Int) throws -> ByteBuffer)?
    }

    func validate() throws {
        guard seconds >= 1, clients >= 1 else { throw ValidationError("--seconds and --clients must be at least 1.") }
    }

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent("load.sqlite").path))
        let (_, principal) = try await BenchData.prepare(store)
        var keys: [String] = []
        for client in 0..<clients {
            keys.append(try await store.createAPIKey(accountID: principal.accountID, name: "load client \(client)", scopes: [.write]).apiKey)
        }
        _ = try await store.createScoreResults(BenchData.inputs(batch: 0, size: 1_000).map { try $0.draft() }, accountID: principal.accountID)

        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "plexus.bench")
        logger.logLevel = .critical
        let app = buildApplication(configuration: ServerConfiguration(port: 0), store: store, logger: logger) { portContinuation.yield($0) }
        let report = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { throw BenchError.setup("the server did not start") }
            let report = try await drive(port: port, keys: keys)
            group.cancelAll()
            return report
        }
        try await store.close()
        print(report.table(seconds: seconds, clients: clients))
        if report.errors > 0 {
            throw BenchError.setup("\(report.errors) of \(report.requests) requests failed; first: \(report.firstError ?? "?")")
        }
    }

    private func drive(port: Int, keys: [String]) async throws -> LoadReport {
        let base = "http://127.0.0.1:\(port)"
        let mix = Self.mix()
        let report = LoadRecorder()
        let deadline = ContinuousClock.now + .seconds(seconds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (client, key) in keys.enumerated() {
                group.addTask {
                    var count = 0
                    while ContinuousClock.now < deadline {
                        let operation = mix[count % mix.count]
                        var request = HTTPClientRequest(url: base + operation.path(client, count))
                        request.method = operation.method
                        request.headers.add(name: "Authorization", value: "Bearer \(key)")
                        if let body = operation.body {
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(try body(client, count))
                        }
                        let started = ContinuousClock.now
                        var failure: String?
                        do {
                            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                            let body = try await response.body.collect(upTo: 16 << 20)
                            if !(200..<300).contains(response.status.code) { failure = "\(operation.route): \(response.status.code) \(String(buffer: body).prefix(200))" }
                        } catch {
                            failure = "\(operation.route): \(error)"
                        }
                        let milliseconds = (ContinuousClock.now - started).seconds * 1000
                        report.state.withLock { $0.record(operation.route, milliseconds: milliseconds, failure: failure) }
                        count += 1
                    }
                }
            }
            try await group.waitForAll()
        }
        return report.state.withLock { $0 }
    }

    private static func mix() -> [Operation] {
        let list = Operation(route: "GET /api/v1/score-results", method: .GET, path: { _, _ in "/api/v1/score-results?limit=100" }, body: nil)
        let scorecard = Operation(route: "GET /api/v1/scorecards/{idOrKey}", method: .GET, path: { _, _ in "/api/v1/scorecards/bench" }, body: nil)
        let items = Operation(route: "GET /api/v1/items", method: .GET, path: { _, _ in "/api/v1/items?limit=50" }, body: nil)
        let summary = Operation(route: "GET /api/performance/metrics/summary", method: .GET, path: { _, _ in "/api/performance/metrics/summary?hours=24" }, body: nil)
        let batch = Operation(route: "POST /api/v1/score-results/batch", method: .POST, path: { _, _ in "/api/v1/score-results/batch" }) { client, count in
            ByteBuffer(bytes: try PlexusJSON.encoder().encode(ScoreResultBatch(scoreResults: BenchData.inputs(batch: 1_000 + client * 1_000_000 + count, size: 10))))
        }
        let single = Operation(route: "POST /api/v1/score-results", method: .POST, path: { _, _ in "/api/v1/score-results" }) { client, count in
            ByteBuffer(bytes: try PlexusJSON.encoder().encode(BenchData.inputs(batch: 500_000_000 + client * 1_000_000 + count, size: 1)[0]))
        }
        return [list, scorecard, batch, list, items, batch, list, summary, scorecard, list, batch, list, items, single, list, scorecard, batch, list, summary, list]
    }
}

/// The report the clients of a load run write to.
final class LoadRecorder: Sendable {
    let state = Mutex(LoadReport())
}

/// Counts and latencies per route of a load run.
struct LoadReport: Sendable {
    private(set) var latencies: [String: [Double]] = [:]
    private(set) var failures: [String: Int] = [:]
    private(set) var firstError: String?

    var requests: Int { latencies.values.reduce(0) { $0 + $1.count } }
    var errors: Int { failures.values.reduce(0, +) }

    mutating func record(_ route: String, milliseconds: Double, failure: String?) {
        latencies[route, default: []].append(milliseconds)
        if let failure {
            failures[route, default: 0] += 1
            if firstError == nil { firstError = failure }
        }
    }

    /// One row per route: requests, errors, p50 and p99 in milliseconds, then the total rate.
    func table(seconds: Int, clients: Int) -> String {
        var lines = ["route                                   requests  errors   p50 ms   p99 ms"]
        for route in latencies.keys.sorted() {
            let sorted = latencies[route]!.sorted()
            let p50 = sorted[sorted.count / 2]
            let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.down)))]
            lines.append(route.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%8d %7d %8.1f %8.1f", sorted.count, failures[route] ?? 0, p50, p99))
        }
        lines.append(String(format: "%d requests from %d clients in %d s (%.0f/s), %d errors", requests, clients, seconds, Double(requests) / Double(seconds), errors))
        return lines.joined(separator: "\n")
    }
}
