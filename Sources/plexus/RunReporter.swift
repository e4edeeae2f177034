import Synchronization
import Foundation
import PlexusClient
import PlexusScoring

/// Prints a scoring run's events: bad rows and failures as they happen, and a progress line on
/// standard error: a bar redrawn in place on a terminal; otherwise a line at most every few
/// seconds, and always the final totals at the end.
final class RunReporter: Sendable {
    private struct Printed {
        var at: ContinuousClock.Instant?
        var latest: ScoringProgress?
        var latestPrinted = false
    }

    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let printed = Mutex(Printed())

    func handle(_ event: ScoringEvent) {
        switch event {
        case .badRow(let problem): write("skipped row \(problem)\n")
        case .failure(let failure): write("failed: \(failure)\n")
        case .progress(let progress): show(progress)
        }
    }

    /// Ends the progress line: a newline on a terminal, else the final totals if they were not the last line printed.
    func finish() {
        if isTerminal {
            write("\n")
            return
        }
        let unprinted = printed.withLock { state -> ScoringProgress? in
            defer { state.latestPrinted = true }
            return state.latestPrinted ? nil : state.latest
        }
        if let unprinted { write(line(unprinted) + "\n") }
    }

    private func show(_ progress: ScoringProgress) {
        if isTerminal {
            write("\r" + line(progress))
            return
        }
        let due = printed.withLock { state in
            let now = ContinuousClock.now
            state.latest = progress
            if let at = state.at, now - at < .seconds(5) {
                state.latestPrinted = false
                return false
            }
            state.at = now
            state.latestPrinted = true
            return true
        }
        if due { write(line(progress) + "\n") }
    }

    private func line(_ progress: ScoringProgress) -> String {
        let detail = String(format: "%.1f items/s · %d resumed · %d bad rows · %d failures · $%.4f",
                            progress.itemsPerSecond, progress.itemsResumed, progress.badRows, progress.failures, progress.usage.cost)
        let done = progress.itemsScored + progress.itemsResumed
        guard let total = progress.itemsExpected else { return "\(done) items · \(detail)" }
        return isTerminal ? ProgressBar().render(done: done, total: total, detail: detail) : "\(done)/\(total) items · \(detail)"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
