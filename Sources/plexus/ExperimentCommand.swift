import ArgumentParser
import Foundation
import PlexusClient

/// `plexus experiment simulate`.
struct ExperimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment", abstract: "Run experiments (evaluations).", subcommands: [Simulate.self])

    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate an evaluation: synthetic binary results with live metrics.",
            discussion: """
                Creates an evaluation, records one result per item (a prediction right with probability --accuracy, \
                confidence 0.7–0.99, metadata with the true and predicted values), updates accuracy, precision, \
                sensitivity, specificity, F1 and the confusion matrix after each result, and ends COMPLETED. \
                Ctrl-C sends the results recorded so far and ends the evaluation CANCELLED.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The account's key; checked against the API key's account.") var accountKey: String?
        @Option(help: "The scorecard's key.") var scorecardKey: String
        @Option(help: "The score's key (default: the scorecard's first score).") var scoreKey: String?
        @Option(help: "How many items to simulate.") var numItems = 100
        @Option(help: "Probability that a prediction is right, 0–1.") var accuracy = 0.85
        @Option(help: "Pause between results in seconds: a range such as 0.1-1.0, or one number; 0 for none.") var delay = "0.1-1.0"
        @Option(help: "Random seed, for a repeatable run.") var seed: UInt64?

        func validate() throws {
            guard numItems >= 1 else { throw ValidationError("--num-items must be at least 1; got \(numItems).") }
            guard (0...1).contains(accuracy) else { throw ValidationError("--accuracy must be between 0 and 1; got \(accuracy).") }
            _ = try DelayRange.parse(delay)
        }

        func run() async throws {
            let delayRange = try DelayRange.parse(delay)
            let context = ClientContext(accountKey: accountKey, scorecardKey: scorecardKey, scoreKey: scoreKey)
            let progress = TerminalProgress()
            let (connection, accountKey, scorecardKey, scoreKey, numItems, accuracy, seed) = (
                connection, accountKey, scorecardKey, scoreKey, numItems, accuracy, seed)
            let summary = try await Interruption.run {
                defer { progress.finish() }
                return try await connection.withClient(context: context) { client in
                    if accountKey != nil { _ = try await client.accountID() }
                    let simulator = try ExperimentSimulator(
                        client: client, scorecardKey: scorecardKey, scoreKey: scoreKey, numItems: numItems, accuracy: accuracy, delay: delayRange)
                    return try await simulator.run(seed: seed ?? UInt64.random(in: .min ... .max)) { progress.show($0) }
                }
            }
            let metrics = summary.metrics
            print(String(format: "Evaluation %@ %@: accuracy %.3f, precision %.3f, sensitivity %.3f, specificity %.3f, F1 %.3f",
                         summary.evaluation.id.rawValue, summary.evaluation.status.rawValue, metrics.accuracy, metrics.precision,
                         metrics.sensitivity, metrics.specificity, metrics.f1))
        }
    }
}

/// Parses `--delay`: `0`, `0.5`, `0.1-1.0` or `0.1...1.0`.
enum DelayRange {
    static func parse(_ text: String) throws -> ClosedRange<Double> {
        let parts = text.replacingOccurrences(of: "...", with: "-").split(separator: "-").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: if let value = parts[0], value >= 0 { return value...value }
        case 2: if let low = parts[0], let high = parts[1], low >= 0, low <= high { return low...high }
        default: break
        }
        throw ValidationError("--delay must be seconds ≥ 0 such as 0, 0.5 or 0.1-1.0; got '\(text)'.")
    }
}

/// Draws the simulation's progress bar when standard error is a terminal.
final class TerminalProgress: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func show(_ progress: SimulationProgress) {
        guard isTerminal else { return }
        let line = ProgressBar().render(done: progress.processed, total: progress.total, detail: String(format: "accuracy %.3f", progress.accuracy))
        FileHandle.standardError.write(Data(("\r" + line).utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
