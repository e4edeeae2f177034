import Synchronization
import Foundation
import PlexusClient
import PlexusScoring

/// Prints a scoring run's events: bad rows and failures as they happen, and a progress line
/// (redrawn on a terminal, at most every few seconds otherwise) on standard error.
final class RunReporter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let total: Int?
    private let lastPrint = Mutex<ContinuousClock.Instant?>(nil)

    init(total: Int? = nil) {
        self.total = total
    }

    func handle(_ event: ScoringEvent) {
        switch event {
        case .badRow(let problem): write("skipped row \(problem)\n")
        case .failure(let failure): write("failed: \(failure)\n")
        case .progress(let progress): show(progress)
        }
    }

    func finish() {
        if isTerminal { write("\n") }
    }

    private func show(_ progress: ScoringProgress) {
        let detail = String(format: "%.1f items/s · %d resumed · %d bad rows · %d failures · $%.4f",
                            progress.itemsPerSecond, progress.itemsResumed, progress.badRows, progress.failures, progress.usage.cost)
        if isTerminal {
            let done = progress.itemsScored + progress.itemsResumed
            let line = total.map { ProgressBar().render(done: done, total: $0, detail: detail) } ?? "\(done) items · \(detail)"
            write("\r" + line)
        } else if shouldPrint() {
            write("\(progress.itemsScored + progress.itemsResumed) items · \(detail)\n")
        }
    }

    private func shouldPrint() -> Bool {
        lastPrint.withLock { last in
            let now = ContinuousClock.now
            if let last, now - last < .seconds(5) { return false }
            last = now
            return true
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
