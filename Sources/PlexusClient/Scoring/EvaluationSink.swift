import PlexusCore
import PlexusScoring

/// Stores an evaluation's results and, after each stored batch, tallies them and streams the
/// evaluations' progress and live metrics to the server.
actor EvaluationSink: ScoringSink {
    private let results: RemoteScoringSink
    private let client: PlexusClient
    private let evaluations: [String: Identifier<Evaluation>]
    private let total: Int
    private(set) var tallies: [String: ScoreTally]
    private var processed = 0

    init(results: RemoteScoringSink, client: PlexusClient, evaluations: [String: Identifier<Evaluation>], tallies: [String: ScoreTally], total: Int) {
        self.results = results
        self.client = client
        self.evaluations = evaluations
        self.tallies = tallies
        self.total = total
    }

    nonisolated func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> { [] }

    func record(_ outcomes: [ItemOutcome]) async throws {
        try await results.record(outcomes)
        for outcome in outcomes {
            for score in outcome.scores where tallies[score.scoreKey] != nil {
                tallies[score.scoreKey]?.record(itemID: outcome.item.id, label: outcome.labels[score.scoreKey], outcome: score)
            }
        }
        processed += outcomes.count
        for (key, id) in evaluations {
            guard let tally = tallies[key] else { continue }
            try await client.experiments.update(id: id, tally.evaluationUpdate(processed: processed, total: total))
        }
    }
}
