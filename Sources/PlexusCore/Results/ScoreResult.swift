import Foundation

/// The value a classifier gave one item for one score, with how sure it was, why, and what it cost.
public struct ScoreResult: Sendable, Codable, Hashable {
    /// The result's unique ID.
    public var id: Identifier<ScoreResult>
    /// The account that owns it.
    public var accountId: Identifier<Account>
    /// The scorecard the score belongs to.
    public var scorecardId: Identifier<Scorecard>
    /// The score that was answered.
    public var scoreId: Identifier<Score>
    /// The item that was scored.
    public var itemId: Identifier<Item>
    /// The version of the scorecard that produced the result, when the producer said.
    public var scorecardVersion: Int?
    /// The class the classifier chose.
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
    /// The evaluation the result belongs to, if any.
    public var evaluationId: Identifier<Evaluation>?
    /// The scoring job that produced it, if any.
    public var scoringJobId: String?
    /// The caller's idempotency key: resending a result with the same key creates no duplicate.
    public var idempotencyKey: String?
    /// When the result was recorded.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a score result value.
    public init(
        id: Identifier<ScoreResult>, accountId: Identifier<Account>, scorecardId: Identifier<Scorecard>,
        scoreId: Identifier<Score>, itemId: Identifier<Item>, value: String, confidence: Double? = nil,
        explanation: String? = nil, metadata: JSONValue? = nil, cost: Double? = nil, latency: Double? = nil,
        evaluationId: Identifier<Evaluation>? = nil, scoringJobId: String? = nil, idempotencyKey: String? = nil,
        scorecardVersion: Int? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.accountId = accountId
        self.scorecardId = scorecardId
        self.scoreId = scoreId
        self.itemId = itemId
        self.value = value
        self.confidence = confidence
        self.explanation = explanation
        self.metadata = metadata
        self.cost = cost
        self.latency = latency
        self.evaluationId = evaluationId
        self.scoringJobId = scoringJobId
        self.idempotencyKey = idempotencyKey
        self.scorecardVersion = scorecardVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
