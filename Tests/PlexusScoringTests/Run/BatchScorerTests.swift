import Foundation
import PlexusScoring
import Testing

@Suite("Batch scorer")
struct BatchScorerTests {
    @Test("Every readable row is scored and stored; bad rows are counted and reported")
    func scoresEverything() async throws {
        let runner = try await RunFixtures.runner([RunFixtures.score("a", word: "yes")])
        var rows = RunFixtures.rows((0..<25).map { $0 % 2 == 0 ? "yes" : "no" })
        rows.insert(.problem(RowProblem(file: "f", line: 99, message: "bad")), at: 3)
        let sink = MemorySink()
        let reported = EventLog()
        let progress = try await BatchScorer(runner: runner, concurrency: 4, chunkSize: 7, batchSize: 5)
            .run(RowSequence(rows: rows), into: sink) { event in reported.add(event) }
        #expect(progress.rowsRead == 26)
        #expect(progress.badRows == 1)
        #expect(progress.itemsScored == 25)
        #expect(progress.resultsStored == 25)
        #expect(progress.usage.cost == 12.5)
        let stored = await sink.stored
        #expect(Set(stored.map(\.item.id)).count == 25)
        #expect(stored.filter { $0.scores[0].classification?.value == "Yes" }.count == 13)
        #expect(reported.badRows == [99])
    }

    @Test("Items an earlier run scored are skipped")
    func resumes() async throws {
        let runner = try await RunFixtures.runner([RunFixtures.score("a", word: "yes")])
        let sink = MemorySink(scoredBefore: ["item-0", "item-1", "item-5"])
        let progress = try await BatchScorer(runner: runner, concurrency: 2, chunkSize: 4)
            .run(RowSequence(rows: RunFixtures.rows(Array(repeating: "yes", count: 10))), into: sink)
        #expect(progress.itemsResumed == 3)
        #expect(progress.itemsScored == 7)
        #expect(await sink.stored.map(\.item.id).sorted() == ["item-2", "item-3", "item-4", "item-6", "item-7", "item-8", "item-9"])
    }

    @Test("A cancelled run stores what it finished, says so, and a second run scores exactly the rest")
    func interrupted() async throws {
        let runner = try await RunFixtures.runner([RunFixtures.score("a", word: "yes")])
        let rows = RunFixtures.rows(Array(repeating: "yes", count: 2_000))
        let sink = MemorySink()
        let run = Task { try await BatchScorer(runner: runner, concurrency: 4, batchSize: 10).run(RowSequence(rows: rows), into: sink) }
        while await sink.stored.count < 30 { try await Task.sleep(for: .milliseconds(5)) }
        run.cancel()
        let error = await #expect(throws: ScoringInterrupted.self) { try await run.value }
        let interrupted = try #require(error)
        let stored = await sink.stored
        #expect(interrupted.unsaved == 0 && stored.count < 2_000)
        #expect(interrupted.progress.itemsScored == stored.count && interrupted.progress.resultsStored == stored.count)
        #expect(stored.allSatisfy { $0.failures.isEmpty })
        #expect(interrupted.description.contains("Run the same command again"))

        let resumedSink = MemorySink(scoredBefore: Set(stored.map(\.item.id)))
        let rest = try await BatchScorer(runner: runner, concurrency: 4, batchSize: 10).run(RowSequence(rows: rows), into: resumedSink)
        let secondIDs = await resumedSink.stored.map(\.item.id)
        #expect(rest.itemsResumed == stored.count && rest.itemsScored == 2_000 - stored.count)
        #expect(Set(secondIDs + stored.map(\.item.id)).count == 2_000 && secondIDs.count + stored.count == 2_000)
    }

    @Test("No more items are in flight than the concurrency allows")
    func boundedConcurrency() async throws {
        let gauge = ConcurrencyGauge()
        let runner = try await RunFixtures.runner([RunFixtures.score("a", word: "yes")], gauge: gauge)
        _ = try await BatchScorer(runner: runner, concurrency: 3)
            .run(RowSequence(rows: RunFixtures.rows(Array(repeating: "t", count: 40))), into: MemorySink())
        let peak = await gauge.peak
        #expect(peak <= 3)
        #expect(peak >= 2)
    }
}

/// Collects reported events from the scorer's callback.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Int] = []

    func add(_ event: ScoringEvent) {
        if case .badRow(let problem) = event { lock.withLock { lines.append(problem.line) } }
    }

    var badRows: [Int] { lock.withLock { lines } }
}
