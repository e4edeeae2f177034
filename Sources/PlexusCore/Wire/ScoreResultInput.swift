import Foundation

/// One score result as sent to `POST /api/v1/score-results` or inside a batch: the scorecard,
/// score and item may each be named by ID or by key / external ID.
public struct ScoreResultInput: Sendable, Codable, Hashable {
    /// The scorecard's ID (or give `scorecardKey`).
    public var scorecardId: String?
    /// The scorecard's key (or give `scorecardId`).
    public var scorecardKey: String?
    /// The score's ID (or give `scoreKey`).
    public var scoreId: String?
    /// The score's key within the scorecard (or give `scoreId`).
    public var scoreKey: String?
    /// The item's Plexus ID (or give `itemExternalId`).
    public var itemId: String?
    /// Your own ID for the item; an unknown one creates the item (or give `itemId`).
    public var itemExternalId: String?
    /// The class chosen, or the label's correct class.
    public var value: String
    /// How sure the classifier was, from 0 to 1.
    public var confidence: Double?
    /// Why the classifier chose the value.
    public var explanation: String?
    /// Free-form attributes.
    public var metadata: JSONValue?
    /// What producing the result cost, in US dollars.
    public var cost: Double?
    /// How long producing the result took, in seconds.
    public var latency: Double?
    /// The evaluation the result belongs to.
    public var evaluationId: String?
    /// The scoring job that produced the result.
    public var scoringJobId: String?
    /// Resending a result with the same key creates no duplicate.
    public var idempotencyKey: String?
    /// When the result was produced, for importing history; now when omitted.
    public var createdAt: Date?
    /// The version of the scorecard that produced the result; at least 1.
    public var scorecardVersion: Int?

    /// Creates an input; name each of scorecard, score and item one way.
    public init(
        scorecardId: String? = nil, scorecardKey: String? = nil, scoreId: String? = nil, scoreKey: String? = nil,
        itemId: String? = nil, itemExternalId: String? = nil, value: String, confidence: Double? = nil,
        explanation: String? = nil, metadata: JSONValue? = nil, cost: Double? = nil, latency: Double? = nil,
        evaluationId: String? = nil, scoringJobId: String? = nil, idempotencyKey: String? = nil, createdAt: Date? = nil,
        scorecardVersion: Int? = nil
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
        self.createdAt = createdAt
        self.scorecardVersion = scorecardVersion
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scorecardId, scorecardKey, scoreId, scoreKey, itemId, itemExternalId, value, confidence, explanation, metadata
        case cost, latency, evaluationId, scoringJobId, idempotencyKey, createdAt, scorecardVersion
    }

    /// Decodes the wire form; written out so that `metadata` is decoded object-first (see
    /// `decodeJSONIfPresent`), which matters at 10,000 results per batch.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scorecardId = try container.decodeIfPresent(String.self, forKey: .scorecardId)
        scorecardKey = try container.decodeIfPresent(String.self, forKey: .scorecardKey)
        scoreId = try container.decodeIfPresent(String.self, forKey: .scoreId)
        scoreKey = try container.decodeIfPresent(String.self, forKey: .scoreKey)
        itemId = try container.decodeIfPresent(String.self, forKey: .itemId)
        itemExternalId = try container.decodeIfPresent(String.self, forKey: .itemExternalId)
        value = try container.decode(String.self, forKey: .value)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence)
        explanation = try container.decodeIfPresent(String.self, forKey: .explanation)
        metadata = try container.decodeJSONIfPresent(forKey: .metadata)
        cost = try container.decodeIfPresent(Double.self, forKey: .cost)
        latency = try container.decodeIfPresent(Double.self, forKey: .latency)
        evaluationId = try container.decodeIfPresent(String.self, forKey: .evaluationId)
        scoringJobId = try container.decodeIfPresent(String.self, forKey: .scoringJobId)
        idempotencyKey = try container.decodeIfPresent(String.self, forKey: .idempotencyKey)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        scorecardVersion = try container.decodeIfPresent(Int.self, forKey: .scorecardVersion)
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
            scoringJobId: scoringJobId, idempotencyKey: idempotencyKey, createdAt: createdAt,
            scorecardVersion: scorecardVersion
        )
        try draft.validate(field: field)
        return draft
    }
}
