import ArgumentParser
import Foundation
import PlexusClient
import PlexusScoring

/// `plexus evaluate`: score labelled items and measure each score against the labels.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a scorecard's scores against human labels, with live progress and metrics.",
        discussion: """
            Scores the labelled items (stored labels, or a labelled --input file), creates one evaluation per score \
            and updates its progress, metrics and confusion matrix as results arrive (watch them on the dashboard), \
            then prints per-score accuracy, precision, recall, specificity, F1, kappa, AC1, confusion matrices and cost. \
            With MLFLOW_TRACKING_URI or --mlflow, each score's evaluation is logged as an MLflow run. \
            Ctrl-C stores what is finished and ends the evaluations CANCELLED.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var llm: LLMOptions
    @Option(help: "The scorecard's key.") var scorecard: String
    @Option(name: .customLong("score"), help: "Evaluate only this score; repeat for several (default: all).") var scores: [String] = []
    @Option(help: "The scorecard version (default: newest).") var version: Int?
    @Option(help: "Evaluate on this labelled .jsonl/.csv file instead of the stored labels.") var input: String?
    @Option(help: "Evaluate a random sample of this many labelled items.") var sample: Int?
    @Option(help: "Seed of the sample.") var seed: UInt64 = 42
    @Option(help: "Items scored at the same time.") var concurrency = 8
    @Option(help: "MLflow tracking URI (env MLFLOW_TRACKING_URI).") var mlflow: String?

    func validate() throws {
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1; got \(sample).") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1; got \(concurrency).") }
    }

    func run() async throws {
        let options = EvaluationOptions(scores: scores.isEmpty ? nil : scores, inputFile: input, sample: sample, seed: seed, concurrency: concurrency)
        let reporter = RunReporter()
        let (connection, llm, scorecard, version) = (connection, llm, scorecard, version)
        let report = try await Interruption.run {
            defer { reporter.finish() }
            return try await connection.withClient { client in
                try await llm.withLLM { llmClient in
                    let session = try await ScoringSession.open(client: client, scorecard: scorecard, version: version, llm: llmClient)
                    return try await session.evaluate(options, events: reporter.handle)
                }
            }
        }
        EvaluationPrinter.print(report)
        if let uri = MLflowTracking.uri(flag: mlflow) {
            try await EvaluationPrinter.logToMLflow(report, uri: uri)
        }
    }
}
