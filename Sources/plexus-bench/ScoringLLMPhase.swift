import Foundation
import Logging
import PlexusFakeLLM
import PlexusScoring

/// Part (b) of `plexus-bench scoring`: an `llm` score against the in-process fake server with a
/// fixed latency, at a fixed concurrency; throughput against the ideal `concurrency / latency`
/// and peak memory at growing item counts.
struct ScoringLLMPhase {
    let counts: [Int]
    let concurrency: Int
    let latencyMilliseconds: Int

    /// Transcripts the items are made from; each item adds its own first line, so no two prompts are
    /// the same (no cache hits) while making an item costs only a copy, not the scoring loop's time.
    private let pool: [String]

    init(corpus: ScoringCorpus, counts: [Int], concurrency: Int, latencyMilliseconds: Int) {
        self.counts = counts
        self.concurrency = concurrency
        self.latencyMilliseconds = latencyMilliseconds
        pool = (0..<1_000).map { corpus.transcript($0).text }
    }

    private var ideal: Double { Double(concurrency) * 1000 / Double(latencyMilliseconds) }

    func run() async throws {
        var logger = Logger(label: "plexus.bench")
        logger.logLevel = .critical
        let server = FakeLLMServer(configuration: FakeLLMConfiguration(latencyMilliseconds: latencyMilliseconds), logger: logger)
        let definition = try ScoringScorecards.definition(ScoringScorecards.llm)
        print(String(format: "llm: one call per item, fake server latency %d ms, concurrency %d, ideal %.0f items/s", latencyMilliseconds, concurrency, ideal))
        print("items         items/s  of ideal     calls  mean latency   RSS before     peak RSS")
        try await server.withRunning { running in
            // Each count starts numbering where the last stopped: every item is new, so none is a cache hit.
            var first = 0
            for count in counts {
                try await measure(count: count, first: first, definition: definition, running: running)
                first += count
            }
        }
    }

    private func measure(count: Int, first: Int, definition: ScorecardDefinition, running: RunningFakeLLM) async throws {
        let before = await running.stats.requests
        let configuration = LLMConfiguration(baseURL: running.baseURL, model: "bench-fake", maxConcurrency: concurrency)
        let client = ChatCompletionsClient(configuration: configuration)
        let runner = try await ScorecardRunner(definition: definition, version: 1, context: ClassifierContext(scorecardKey: definition.key, llm: client))
        let sink = ScoringCountingSink()
        let pool = pool
        let rows = ScoringRows(count: count) { number in
            let id = "llm-\(first + number)"
            return ScoringItem(id: id, text: "Reference: \(id)\n" + pool[number % pool.count])
        }
        let resident = ScoringMemory.currentMiB()
        if !ScoringMemory.resetPeak() { print("(the kernel refused to reset the peak: peak RSS below is since the process started)") }
        let measurement = try await ScoringMeasurement.time("llm", items: count) {
            _ = try await BatchScorer(runner: runner, concurrency: concurrency).run(rows, into: sink)
        }
        let peak = PeakMemory.residentMiB()
        try await client.shutdown()
        let calls = await running.stats.requests - before
        let failures = await sink.failures
        guard failures.isEmpty, await sink.items == count else {
            throw BenchError.setup("the llm run stored \(await sink.items) of \(count) items; failures: \(failures.joined(separator: "; "))")
        }
        print(String(format: "%-10d %10.0f %8.1f%% %9d %10.1f ms %8d MiB %8d MiB", count, measurement.itemsPerSecond,
                     100 * measurement.itemsPerSecond / ideal, calls, await sink.meanLatency * 1000, resident, peak))
    }
}
