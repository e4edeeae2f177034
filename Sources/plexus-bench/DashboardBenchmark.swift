import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import PlexusCore
import PlexusServer
import PlexusStore

/// `plexus-bench dashboard`: server-side latency of every dashboard page over a large store.
struct DashboardBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Seed score results into SQLite, then time every dashboard page through a real server.",
        discussion: "Prints one line per page: median and p95 over --repeats requests. Target: every page under 100 ms with 1,000,000 results.")

    @Option(help: "Score results to seed.")
    var results = 1_000_000

    @Option(help: "Requests per page.")
    var repeats = 20

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-dash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent("dash.sqlite").path))
        let seeded = try await DashboardSeed(store: store, results: results).run()
        print("seeded \(results) results in \(String(format: "%.1f", seeded.seconds.seconds)) s")
        try await measurePages(store: store, seed: seeded)
        try await store.close()
    }

    private func measurePages(store: SQLStore, seed: DashboardSeed.Outcome) async throws {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "plexus.bench")
        logger.logLevel = .critical
        let app = buildApplication(configuration: ServerConfiguration(port: 0), store: store, logger: logger) { portContinuation.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { throw BenchError.setup("the server did not start") }
            let pages = ["/", "/scorecards", "/scorecards/bench", "/scorecards/bench/scores/greeting", "/scorecards/bench/scores/greeting?value=No", "/evaluations/\(seed.evaluationID)", "/items", "/items?q=item-4242",
                         "/items/\(seed.itemID)", "/performance"]
            for page in pages {
                let timings = try await time(page, port: port, key: seed.key)
                let sorted = timings.sorted()
                print(String(format: "%-40@ median %6.1f ms, p95 %6.1f ms", page as NSString, sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 95 / 100)]))
            }
            group.cancelAll()
        }
    }

    private func time(_ path: String, port: Int, key: String) async throws -> [Double] {
        let clock = ContinuousClock()
        var timings: [Double] = []
        for _ in 0..<repeats {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.headers.add(name: "Cookie", value: "plexus_session=\(key)")
            let start = clock.now
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 16 << 20)
            guard response.status == .ok else { throw BenchError.request(status: response.status.code, body: String(buffer: body)) }
            timings.append((clock.now - start).seconds * 1000)
        }
        return timings
    }
}
