import ArgumentParser
import Foundation
import Logging
import PlexusClient
import PlexusMonitoring
import PlexusServer
import PlexusStats
import PlexusStore

/// `plexus-bench data`: uploads generated CSV files of growing size to a server on SQLite
/// through the client (streamed, as `plexus data upload` sends them) and prints rows/s, MB/s and
/// the process's peak resident memory after each, which stays flat as files grow.
struct DataBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Upload and profile generated CSV files (100 MB and 1 GB by default): rows/s and peak memory.",
        discussion: """
        Each file has an integer ID, two floats, an integer, two categorical columns, a boolean and a short \
        text column. The server runs in this process, so the peak memory printed (VmHWM, which only grows) \
        covers the generator, the client and the server; it is read after each size, smallest first.
        """
    )

    @Option(help: "File sizes in megabytes, comma-separated, smallest first.")
    var megabytes = "100,1000"

    func run() async throws {
        let sizes = try megabytes.split(separator: ",").map { part -> Int in
            guard let size = Int(part.trimmingCharacters(in: .whitespaces)), size > 0 else { throw ValidationError("--megabytes takes sizes such as 100,1000; got '\(part)'") }
            return size
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-data-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLStore.open(.sqlite(path: folder.appendingPathComponent("bench.sqlite").path))
        guard let key = try await store.bootstrap(adminKey: nil) else { throw BenchError.setup("no admin key") }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "plexus.bench")
        logger.logLevel = .critical
        var configuration = ServerConfiguration(port: 0)
        configuration.maxUploadBytes = Int.max
        let app = buildApplication(configuration: configuration, store: store, logger: logger) { portContinuation.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { throw BenchError.setup("the server did not start") }
            let client = try PlexusClient(baseURL: "http://127.0.0.1:\(port)", apiKey: key)
            print("size      rows        seconds  rows/s     MB/s   peak RSS")
            for size in sizes {
                let file = folder.appendingPathComponent("data-\(size).csv")
                let rows = try Self.writeCSV(to: file, bytes: size * 1_000_000)
                let clock = ContinuousClock()
                let start = clock.now
                let dataset = try await client.datasets.upload(file: file, name: "bench-\(size)", as: Dataset.self)
                let seconds = (clock.now - start).seconds
                guard dataset.rowCount == rows else { throw BenchError.setup("stored \(dataset.rowCount) rows of \(rows)") }
                print(String(format: "%5d MB  %10d  %7.1f  %9.0f  %5.1f  %5d MiB", size, rows, seconds, Double(rows) / seconds, Double(size) / seconds, PeakMemory.residentMiB()))
                try FileManager.default.removeItem(at: file)
                try await client.datasets.delete(dataset.id.rawValue)
            }
            await client.shutdown()
            group.cancelAll()
        }
        try await store.close()
    }

    /// Writes rows until the file reaches `bytes`; returns how many rows it holds.
    private static func writeCSV(to url: URL, bytes target: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw BenchError.setup("cannot write \(url.path)") }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var generator = SeededRandomNumberGenerator(seed: 42)
        let channels = ["web", "mobile", "phone", "partner"], regions = ["eu", "us", "apac", "latam", "mea"]
        var buffer = "id,amount,discount_rate,items,channel,region,returning,note\n"
        var written = 0, rows = 0
        while written < target {
            for _ in 0 ..< 2_000 {
                let amount = Double.random(in: 1 ..< 500, using: &generator)
                buffer += "\(rows),\(String(format: "%.2f", amount)),\(String(format: "%.3f", Double.random(in: 0 ..< 0.3, using: &generator))),"
                buffer += "\(Int.random(in: 1 ... 9, using: &generator)),\(channels.randomElement(using: &generator)!),\(regions.randomElement(using: &generator)!),"
                buffer += "\(Bool.random(using: &generator)),note \(Int.random(in: 0 ..< 50_000, using: &generator))\n"
                rows += 1
            }
            let data = Data(buffer.utf8)
            handle.write(data)
            written += data.count
            buffer = ""
        }
        return rows
    }
}
