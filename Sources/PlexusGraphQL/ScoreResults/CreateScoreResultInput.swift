import PlexusCore

/// The `input` of `createScoreResult`: the fields of the REST body, with `metadata` as a JSON string.
struct CreateScoreResultInput: Decodable, Sendable {
    let scorecardId: ID?
    let scorecardKey: String?
    let scoreId: ID?
    let scoreKey: String?
    let itemId: ID?
    let itemExternalId: String?
    let value: String
    let confidence: Double?
    let explanation: String?
    let metadata: String?
    let cost: Double?
    let latency: Double?
    let evaluationId: ID?
    let scoringJobId: String?
    let idempotencyKey: String?

    /// The domain draft, checked; the fields its errors name are relative to the input.
    func draft() throws -> ScoreResultDraft {
        try ScoreResultInput(
            scorecardId: scorecardId?.rawValue, scorecardKey: scorecardKey, scoreId: scoreId?.rawValue, scoreKey: scoreKey,
            itemId: itemId?.rawValue, itemExternalId: itemExternalId, value: value, confidence: confidence,
            explanation: explanation, metadata: try metadata.map { try JSONValue(awsJSON: $0, field: "metadata") },
            cost: cost, latency: latency, evaluationId: evaluationId?.rawValue, scoringJobId: scoringJobId,
            idempotencyKey: idempotencyKey
        ).draft()
    }

    /// The input's name for a field the store names in a batch of one, e.g. `scoreResults[0].scorecard`
    /// is `scorecardKey` when the input named the scorecard by key.
    func field(forStoreField storeField: String) -> String {
        let prefix = "scoreResults[0]."
        let field = storeField.hasPrefix(prefix) ? String(storeField.dropFirst(prefix.count)) : storeField
        switch field {
        case "scorecard": return scorecardId == nil ? "scorecardKey" : "scorecardId"
        case "score": return scoreId == nil ? "scoreKey" : "scoreId"
        case "item": return itemId == nil ? "itemExternalId" : "itemId"
        default: return field
        }
    }
}
