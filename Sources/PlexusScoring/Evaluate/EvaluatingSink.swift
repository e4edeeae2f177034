import PlexusCore

/// Stores an evaluation's results through another sink and, after each stored batch, tallies them
/// and publishes each evaluation's progress and live metrics (to the server by the CLI, to the store
/// by a server job).
public actor EvaluatingSink<Results: ScoringSink>: ScoringSink {
    /// Writes one evaluation's live fields.
    public typealias Publish = @Sendable (_ evaluation: Identifier<Evaluation>, _ update: EvaluationUpdate) async throws -> Void

    private let results: Results
    private let evaluations: [String: Identifier<Evaluation>]
    private let total: Int
    private let publish: Publish
    /// The running tallies, by score key.
    public private(set) var tallies: [String: ScoreTally]
    private var processed = 0

    /// A sink that stores through `results` and tallies `tallies`' scores out of `total` items,
    /// publishing the live fields of `evaluations` (by score key) with `publish`.
    public init(results: Results, evaluations: [String: Identifier<Evaluation>], tallies: [String: ScoreTally], total: Int, publish: @escaping Publish) {
        self.results = results
        self.evaluations = evaluations
        self.tallies = tallies
        self.total = total
        self.publish = publish
    }

    /// Nothing: an evaluation scores every item it draws.
    public nonisolated func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> { [] }

    /// Stores the outcomes, adds them to the tallies, then publishes every evaluation's progress.
    public func record(_ outcomes: [ItemOutcome]) async throws {
        try await results.record(outcomes)
        for outcome in outcomes {
            for score in outcome.scores where tallies[score.scoreKey] != nil {
                tallies[score.scoreKey]?.record(itemID: outcome.item.id, label: outcome.labels[score.scoreKey], outcome: score)
            }
        }
        processed += outcomes.count
        for (key, id) in evaluations {
            guard let tally = tallies[key] else { continue }
            try await publish(id, tally.evaluationUpdate(processed: processed, total: total))
        }
    }
}
