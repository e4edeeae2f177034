import Foundation
import PlexusCore
import Synchronization

/// Scores a stream of input rows with bounded concurrency and hands results to a sink in batches.
///
/// Memory stays flat: at most `concurrency` items are in flight, one chunk of rows is waiting for
/// its resume check, and one batch of outcomes waits to be stored. Items the sink says are
/// already scored are skipped, so a run interrupted at any point can simply be started again.
///
/// When the task running it is cancelled, it stops taking new items, stores what it has finished
/// (within ``interruptionGrace``, even though the task is cancelled) and throws ``ScoringInterrupted``.
public struct BatchScorer: Sendable {
    /// Scores one item.
    public let runner: ScorecardRunner
    /// Items scored at the same time.
    public let concurrency: Int
    /// Rows read, and resume-checked, together.
    public let chunkSize: Int
    /// Outcomes stored together.
    public let batchSize: Int
    /// How long an interrupted run may take to store the outcomes it finished. Default 5 s.
    public let interruptionGrace: Duration
    /// How many items the rows hold, when known; reported as ``ScoringProgress/itemsExpected``.
    public var itemsExpected: Int?

    /// Creates a scorer; `concurrency`, `chunkSize` and `batchSize` are clamped to at least 1.
    public init(
        runner: ScorecardRunner, concurrency: Int = 8, chunkSize: Int = 200, batchSize: Int = 100, interruptionGrace: Duration = .seconds(5)
    ) {
        self.runner = runner
        self.concurrency = max(1, concurrency)
        self.chunkSize = max(1, chunkSize)
        self.batchSize = max(1, batchSize)
        self.interruptionGrace = interruptionGrace
    }

    /// Scores every row of `rows`, reporting as it goes, and returns the final totals.
    public func run<Rows: AsyncSequence & Sendable, Sink: ScoringSink>(
        _ rows: Rows, into sink: Sink, events: @escaping @Sendable (ScoringEvent) -> Void = { _ in }
    ) async throws -> ScoringProgress where Rows.Element == ItemRow {
        let started = ContinuousClock.now
        var run = RunState(sink: sink, batchSize: batchSize, started: started, events: events)
        run.progress.itemsExpected = itemsExpected
        var reader = rows.makeAsyncIterator()
        do {
            try await withThrowingTaskGroup(of: ItemOutcome.self) { group in
                var inFlight = 0
                reading: while let chunk = try await readChunk(&reader, into: &run) {
                    let done = try await sink.alreadyScored(chunk.map(\.item.id))
                    run.progress.itemsResumed += chunk.count(where: { done.contains($0.item.id) })
                    for labelled in chunk where !done.contains(labelled.item.id) {
                        if Task.isCancelled { break reading }
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
            if !Task.isCancelled {
                try await run.flush()
                return run.progress
            }
        } catch where Task.isCancelled {
            // Fall through: store what is finished, then report the interruption.
        }
        throw await interrupted(run)
    }

    /// Stores the finished outcomes of a cancelled run, which the cancelled task itself could not
    /// send, and describes what was kept.
    private func interrupted<Sink: ScoringSink>(_ run: RunState<Sink>) async -> ScoringInterrupted {
        var last = run
        last.pending = run.pending.filter { $0.failures.isEmpty }
        let saved = SavedProgress()
        let inTime = await BoundedWait.run(interruptionGrace) { [last] in
            var state = last
            if (try? await state.flush()) != nil { saved.set(state.progress) }
        }
        if inTime, let progress = saved.get() { return ScoringInterrupted(progress: progress, unsaved: 0) }
        return ScoringInterrupted(progress: run.progress, unsaved: last.pending.count)
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

/// The totals after an interrupted run's last store, set by the task that stored it; `nil` until it succeeds.
private final class SavedProgress: Sendable {
    private let progress = Mutex<ScoringProgress?>(nil)

    func set(_ value: ScoringProgress) { progress.withLock { $0 = value } }
    func get() -> ScoringProgress? { progress.withLock { $0 } }
}

/// The mutable part of one run: totals and the batch waiting to be stored.
private struct RunState<Sink: ScoringSink>: Sendable {
    let sink: Sink
    let batchSize: Int
    let started: ContinuousClock.Instant
    let events: @Sendable (ScoringEvent) -> Void
    var progress = ScoringProgress()
    var pending: [ItemOutcome] = []

    mutating func collect(_ outcome: ItemOutcome) async throws {
        // Once the run is cancelled, a failure is most likely the cancellation itself: the item is
        // dropped unreported and scored again by the next run.
        if Task.isCancelled, !outcome.failures.isEmpty { return }
        for failure in outcome.failures { events(.failure(failure)) }
        pending.append(outcome)
        if pending.count >= batchSize, !Task.isCancelled { try await flush() }
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
