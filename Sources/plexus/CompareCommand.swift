import ArgumentParser
import PlexusClient
import PlexusCore

/// `plexus compare`: is one evaluation's accuracy really better than another's?
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two evaluations on the items both evaluated: accuracy difference, bootstrap CI, McNemar's test.",
        discussion: "Pass the evaluation IDs `plexus evaluate` printed, baseline first (e.g. two scorecard versions, or two classifier types).")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The baseline evaluation's ID.") var baseline: String
    @Argument(help: "The candidate evaluation's ID.") var candidate: String
    @Option(help: "Bootstrap resamples.") var resamples = 10_000
    @Option(help: "Bootstrap seed.") var seed: UInt64 = 1

    func run() async throws {
        let comparison = try await connection.withClient { client in
            try await EvaluationComparer(client: client).compare(
                baseline: Identifier(baseline), candidate: Identifier(candidate), resamples: resamples, seed: seed)
        }
        let stats = comparison.statistics
        print(String(format: "Items compared: %d (%d evaluated by only one run, left out)", stats.count, comparison.unmatched))
        print(String(format: "Accuracy: baseline %.4f, candidate %.4f, difference %+.4f", stats.baselineAccuracy, stats.candidateAccuracy, stats.bootstrap.difference))
        print(String(format: "%.0f%% paired-bootstrap interval of the difference: [%+.4f, %+.4f] (%d resamples)",
                     stats.bootstrap.confidence * 100, stats.bootstrap.lower, stats.bootstrap.upper, stats.bootstrap.resamples))
        print(String(format: "McNemar: only baseline right %d, only candidate right %d, exact p = %.4g, chi-square %.3f (p = %.4g)",
                     stats.mcNemar.baselineOnlyCorrect, stats.mcNemar.candidateOnlyCorrect, stats.mcNemar.exactPValue,
                     stats.mcNemar.chiSquare, stats.mcNemar.chiSquarePValue))
        print(stats.isSignificant()
              ? "The difference is significant at the 5% level."
              : "The difference is not significant at the 5% level: it could be chance.")
    }
}
