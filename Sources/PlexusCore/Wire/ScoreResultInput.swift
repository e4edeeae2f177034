/// One score result as sent to `POST /api/v1/score-results` or inside a batch: the scorecard,
/// score and item may each be named by ID or by key / external ID.
public struct ScoreResultInput: Sendable, Codable, Hashable {
    public var scorecardId: String?
    public var scorecardKey: String?
    public var scoreId: String?
    public var scoreKey: String?
    public var itemId: String?
    public var itemExternalId: String?
    public var value: String
    public var confidence: Double?
    public var explanation: String?
    public var metadata: JSONValue?
    public var cost: Double?
    public var latency: Double?
    public var evaluationId: String?
    public var scoringJobId: String?
    public var idempotencyKey: String?

    /// Creates an input; name each of scorecard, score and item one way.
    public init(
        scorecardId: String? = nil, scorecardKey: String? = nil, scoreId: String? = nil, scoreKey: String? = nil,
        itemId: String? = nil, itemExternalId: String? = nil, value: String, confidence: Double? = nil,
        explanation: String? = nil, metadata: JSONValue? = nil, cost: Double? = nil, latency: Double? = nil,
        evaluationId: String? = nil, scoringJobId: String? = nil, idempotencyKey: String? = nil
    ) {
        self.scorecardId = scorecardId
        self.scorecardKey = scorecardKey
        self.scoreId = scoreId
        self.scoreKey = scoreKey
        self.itemId = itemId
        self.itemExternalId = itemExternalId
        self.value = value
        self.confidence = confidence
        self.explanation = explanation
        self.metadata = metadata
        self.cost = cost
        self.latency = latency
        self.evaluationId = evaluationId
        self.scoringJobId = scoringJobId
        self.idempotencyKey = idempotencyKey
    }

    /// The domain draft, checking that each reference is given exactly one way.
    public func draft(field: String = "") throws -> ScoreResultDraft {
        let scorecard = try ReferenceFields.one(("scorecardId", scorecardId), ("scorecardKey", scorecardKey), prefix: field)
        let score = try ReferenceFields.one(("scoreId", scoreId), ("scoreKey", scoreKey), prefix: field)
        let item: ItemReference = itemId != nil && itemExternalId == nil
            ? .id(Identifier(itemId!))
            : .externalId(try ReferenceFields.one(("itemId", itemId), ("itemExternalId", itemExternalId), prefix: field))
        let draft = ScoreResultDraft(
            scorecard: scorecard, score: score, item: item, value: value, confidence: confidence, explanation: explanation,
            metadata: metadata, cost: cost, latency: latency, evaluationId: evaluationId.map { Identifier($0) },
            scoringJobId: scoringJobId, idempotencyKey: idempotencyKey
        )
        try draft.validate(field: field)
        return draft
    }
}
