import PlexusCore
import PlexusScoring
import PlexusStore

/// Stores an evaluation job's results and, after each stored batch, tallies them and writes each
/// evaluation's progress and live metrics to the store.
actor EvaluationJobSink: ScoringSink {
    private let results: StoreScoringSink
    private let total: Int
    private(set) var tallies: [String: ScoreTally]
    private var processed = 0

    init(results: StoreScoringSink, tallies: [String: ScoreTally], total: Int) {
        self.results = results
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
        for (key, id) in results.evaluations {
            guard let tally = tallies[key] else { continue }
            _ = try await results.store.updateEvaluation(
                id.rawValue, accountID: results.accountID, with: tally.evaluationUpdate(processed: processed, total: total))
        }
    }
}
