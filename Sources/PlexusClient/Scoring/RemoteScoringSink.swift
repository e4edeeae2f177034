import PlexusCore
import PlexusScoring

/// Sends a scoring run's results to the server: the items first (created once, by external ID),
/// then their results in one batch with idempotency keys, so a retried or resumed run never
/// stores anything twice.
public struct RemoteScoringSink: ScoringSink {
    let client: PlexusClient
    let scorecardKey: String
    let version: Int
    let scoreKeys: [String]
    let evaluations: [String: Identifier<Evaluation>]

    /// A sink for `scoreKeys` of version `version` of the scorecard; results of scores named in
    /// `evaluations` are attached to those evaluations and carry their item's label as `trueValue`.
    public init(client: PlexusClient, scorecardKey: String, version: Int, scoreKeys: [String], evaluations: [String: Identifier<Evaluation>] = [:]) {
        self.client = client
        self.scorecardKey = scorecardKey
        self.version = version
        self.scoreKeys = scoreKeys
        self.evaluations = evaluations
    }

    /// Items already scored by this version for every score, unless this is an evaluation (always rescored).
    public func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> {
        guard evaluations.isEmpty else { return [] }
        return Set(try await client.scorecards.scoredItems(scorecardKey, itemIDs: itemIDs, scores: scoreKeys, version: version))
    }

    /// Stores the items and their results; returns once the server has acknowledged both.
    public func record(_ outcomes: [ItemOutcome]) async throws {
        let items = outcomes.map { ItemDraft(externalId: $0.item.id, text: $0.item.text, metadata: .object($0.item.metadata)) }
        _ = try await client.items.batchCreate(items)
        let inputs = outcomes.flatMap { outcome in
            outcome.scores.compactMap { input(for: $0, of: outcome) }
        }
        if !inputs.isEmpty { _ = try await client.scoreResults.batchCreate(inputs) }
    }

    private func input(for score: ScoreOutcome, of outcome: ItemOutcome) -> ScoreResultInput? {
        let evaluation = evaluations[score.scoreKey]
        guard let fields = StoredResultFields(score: score, of: outcome, scorecard: scorecardKey, version: version, evaluation: evaluation?.rawValue)
        else { return nil }
        let classification = fields.classification
        return ScoreResultInput(
            scorecardKey: scorecardKey, scoreKey: score.scoreKey, itemExternalId: outcome.item.id, value: classification.value,
            confidence: classification.confidence, explanation: classification.explanation, metadata: fields.metadata,
            cost: classification.usage.cost, latency: score.latency, evaluationId: evaluation?.rawValue,
            idempotencyKey: fields.idempotencyKey, scorecardVersion: version)
    }
}
