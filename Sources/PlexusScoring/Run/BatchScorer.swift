import Foundation

/// Scores a stream of input rows with bounded concurrency and hands results to a sink in batches.
///
/// Memory stays flat: at most `concurrency` items are in flight, one chunk of rows is waiting for
/// its resume check, and one batch of outcomes waits to be stored. Items the sink says are
/// already scored are skipped, so a run interrupted at any point can simply be started again.
public struct BatchScorer: Sendable {
    /// Scores one item.
    public let runner: ScorecardRunner
    /// Items scored at the same time.
    public let concurrency: Int
    /// Rows read, and resume-checked, together.
    public let chunkSize: Int
    /// Outcomes stored together.
    public let batchSize: Int

    /// Creates a scorer; `concurrency`, `chunkSize` and `batchSize` are clamped to at least 1.
    public init(runner: ScorecardRunner, concurrency: Int = 8, chunkSize: Int = 200, batchSize: Int = 100) {
        self.runner = runner
        self.concurrency = max(1, concurrency)
        self.chunkSize = max(1, chunkSize)
        self.batchSize = max(1, batchSize)
    }

    /// Scores every row of `rows`, reporting as it goes, and returns the final totals.
    public func run<Rows: AsyncSequence & Sendable, Sink: ScoringSink>(
        _ rows: Rows, into sink: Sink, events: @escaping @Sendable (ScoringEvent) -> Void = { _ in }
    ) async throws -> ScoringProgress where Rows.Element == ItemRow {
        let started = ContinuousClock.now
        var run = RunState(sink: sink, batchSize: batchSize, started: started, events: events)
        var reader = rows.makeAsyncIterator()
        try await withThrowingTaskGroup(of: ItemOutcome.self) { group in
            var inFlight = 0
            while let chunk = try await readChunk(&reader, into: &run) {
                let done = try await sink.alreadyScored(chunk.map(\.item.id))
                run.progress.itemsResumed += chunk.count(where: { done.contains($0.item.id) })
                for labelled in chunk where !done.contains(labelled.item.id) {
                    if inFlight >= concurrency, let outcome = try await group.next() {
                        inFlight -= 1
                        try await run.collect(outcome)
                    }
                    group.addTask { [runner] in
                        ItemOutcome(item: labelled.item, labels: labelled.labels, scores: await runner.score(labelled.item))
                    }
                    inFlight += 1
                }
            }
            while let outcome = try await group.next() {
                try await run.collect(outcome)
            }
        }
        try await run.flush()
        return run.progress
    }

    /// The next chunk of readable items (reporting bad rows), or `nil` when the input is exhausted.
    private func readChunk<Iterator: AsyncIteratorProtocol, Sink: ScoringSink>(
        _ reader: inout Iterator, into run: inout RunState<Sink>
    ) async throws -> [InputItem]? where Iterator.Element == ItemRow {
        var chunk: [InputItem] = []
        while chunk.count < chunkSize, let row = try await reader.next() {
            run.progress.rowsRead += 1
            switch row {
            case .item(let item, _): chunk.append(item)
            case .problem(let problem):
                run.progress.badRows += 1
                run.events(.badRow(problem))
            }
        }
        return chunk.isEmpty ? nil : chunk
    }
}

/// The mutable part of one run: totals and the batch waiting to be stored.
private struct RunState<Sink: ScoringSink> {
    let sink: Sink
    let batchSize: Int
    let started: ContinuousClock.Instant
    let events: @Sendable (ScoringEvent) -> Void
    var progress = ScoringProgress()
    var pending: [ItemOutcome] = []

    mutating func collect(_ outcome: ItemOutcome) async throws {
        for failure in outcome.failures { events(.failure(failure)) }
        pending.append(outcome)
        if pending.count >= batchSize { try await flush() }
    }

    mutating func flush() async throws {
        if !pending.isEmpty {
            try await sink.record(pending)
            for outcome in pending { progress.add(outcome) }
            pending.removeAll(keepingCapacity: true)
        }
        let elapsed = ContinuousClock.now - started
        progress.elapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        events(.progress(progress))
    }
}
