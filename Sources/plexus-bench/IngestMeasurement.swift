import Foundation

/// What one ingest path achieved.
struct IngestMeasurement {
    let results: Int
    let elapsed: Duration
    let batchLatencies: [Duration]

    var resultsPerSecond: Double { Double(results) / elapsed.seconds }

    func percentile(_ fraction: Double) -> Double {
        let sorted = batchLatencies.map(\.seconds).sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)] * 1000
    }

    func line(label: String, unit: String = "results/s") -> String {
        String(format: "%@: %.0f %@, p50 %.1f ms, p99 %.1f ms, peak RSS %d MiB", label, resultsPerSecond, unit,
               percentile(0.5), percentile(0.99), PeakMemory.residentMiB())
    }

    /// Runs `clients` workers that take batch numbers from a shared counter and time each `send`.
    static func measure(batches: Int, batchSize: Int, clients: Int, send: @escaping @Sendable (Int) async throws -> Void) async throws -> IngestMeasurement {
        let counter = BatchCounter(limit: batches)
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var latencies: [Duration] = []
                    while let batch = await counter.next() {
                        let began = clock.now
                        try await send(batch)
                        latencies.append(clock.now - began)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return IngestMeasurement(results: batches * batchSize, elapsed: clock.now - start, batchLatencies: latencies)
    }
}

/// Hands out batch numbers 0..<limit to concurrent workers.
actor BatchCounter {
    private var nextBatch = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func next() -> Int? {
        guard nextBatch < limit else { return nil }
        defer { nextBatch += 1 }
        return nextBatch
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
