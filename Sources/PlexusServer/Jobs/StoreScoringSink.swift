import PlexusCore
import PlexusScoring
import PlexusStore

/// Stores a job's results directly in the store, with the same idempotency keys the CLI uses
/// (`<scorecard>/v<version>/<score>/<item>`, or `eval-<evaluation>` in place of `v<version>`), so a
/// restarted job, or a CLI run of the same version, never stores a result twice.
struct StoreScoringSink: ScoringSink {
    let store: SQLStore
    let accountID: Identifier<Account>
    let jobID: Identifier<Job>
    let scorecardKey: String
    let version: Int
    let scoreKeys: [String]
    /// Whether results of any version count as done (`"unscored"` jobs), or only this version's.
    var anyVersionCounts = false
    /// Evaluations that results of these scores belong to; they carry the item's label as `trueValue`.
    var evaluations: [String: Identifier<Evaluation>] = [:]

    /// Items already scored for every score, unless this is an evaluation (always rescored).
    func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> {
        guard evaluations.isEmpty, !itemIDs.isEmpty else { return [] }
        let query = ScoredItemsQuery(version: anyVersionCounts ? nil : version, scores: scoreKeys, itemIds: itemIDs)
        return Set(try await store.scoredItems(scorecardKey, query: query, accountID: accountID))
    }

    /// Stores the outcomes' results in one transaction.
    func record(_ outcomes: [ItemOutcome]) async throws {
        let drafts = outcomes.flatMap { outcome in outcome.scores.compactMap { draft(for: $0, of: outcome) } }
        if !drafts.isEmpty { _ = try await store.createScoreResults(drafts, accountID: accountID) }
    }

    private func draft(for score: ScoreOutcome, of outcome: ItemOutcome) -> ScoreResultDraft? {
        let evaluation = evaluations[score.scoreKey]
        guard let fields = StoredResultFields(score: score, of: outcome, scorecard: scorecardKey, version: version, evaluation: evaluation?.rawValue)
        else { return nil }
        let classification = fields.classification
        return ScoreResultDraft(
            scorecard: scorecardKey, score: score.scoreKey, item: .externalId(outcome.item.id), value: classification.value,
            confidence: classification.confidence, explanation: classification.explanation, metadata: fields.metadata,
            cost: classification.usage.cost, latency: score.latency, evaluationId: evaluation, scoringJobId: jobID.rawValue,
            idempotencyKey: fields.idempotencyKey, scorecardVersion: version)
    }
}
