import ArgumentParser
import PlexusClient

/// `plexus score`: score a file of items with a stored scorecard version.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score items from a JSONL or CSV file and store the results.",
        discussion: """
            Runs the scorecard's classifiers here, with bounded concurrency, and stores each item and its results \
            (value, confidence, explanation, cost, latency, scorecard version) on the server. Bad rows are reported \
            and skipped. Run it again after an interruption: items this version already scored are skipped.
            JSONL rows are {"id","text","metadata"?}; CSV needs id and text columns, other columns become metadata. \
            Ctrl-C stores what is finished and stops; run the same command again to continue.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var llm: LLMOptions
    @Option(help: "The scorecard's key.") var scorecard: String
    @Option(name: .customLong("score"), help: "Score only this score (and what it depends on); repeat for several.") var scores: [String] = []
    @Option(help: "The input file (.jsonl or .csv).") var input: String
    @Option(help: "The scorecard version to run (default: newest).") var version: Int?
    @Option(help: "Items scored at the same time.") var concurrency = 8

    func run() async throws {
        let reporter = RunReporter()
        let (connection, llm, scorecard, version, input, scores, concurrency) = (connection, llm, scorecard, version, input, scores, concurrency)
        let progress = try await Interruption.run {
            defer { reporter.finish() }
            return try await connection.withClient { client in
                try await llm.withLLM { llmClient in
                    let session = try await ScoringSession.open(client: client, scorecard: scorecard, version: version, llm: llmClient)
                    return try await session.score(file: input, scores: scores.isEmpty ? nil : scores, concurrency: concurrency, events: reporter.handle)
                }
            }
        }
        print("Scored \(progress.itemsScored) items (\(progress.itemsResumed) already scored, \(progress.badRows) bad rows skipped): "
              + "\(progress.resultsStored) results stored, \(progress.resultsSkipped) SKIPPED, \(progress.failures) failures, "
              + "cost $\(String(format: "%.4f", progress.usage.cost)), \(String(format: "%.1f", progress.itemsPerSecond)) items/s.")
        if progress.failures > 0 { throw ExitCode(2) }
    }
}
