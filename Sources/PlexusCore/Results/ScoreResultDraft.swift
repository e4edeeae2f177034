import Foundation

/// What a caller sends to record one score result.
public struct ScoreResultDraft: Sendable, Hashable {
    /// The scorecard's ID or key.
    public var scorecard: String
    /// The score's ID or key.
    public var score: String
    /// The item, by ID or external ID.
    public var item: ItemReference
    /// The class the classifier chose.
    public var value: String
    /// How sure the classifier was, from 0 to 1.
    public var confidence: Double?
    /// Why the classifier chose the value.
    public var explanation: String?
    /// Free-form attributes.
    public var metadata: JSONValue?
    /// Cost in US dollars.
    public var cost: Double?
    /// Latency in seconds.
    public var latency: Double?
    /// The evaluation the result belongs to.
    public var evaluationId: Identifier<Evaluation>?
    /// The scoring job that produced it.
    public var scoringJobId: String?
    /// Resending a result with the same key creates no duplicate.
    public var idempotencyKey: String?
    /// When the result was produced, for importing history; the time of recording when `nil`.
    public var createdAt: Date?
    /// The version of the scorecard that produced the result; at least 1.
    public var scorecardVersion: Int?

    /// Creates a draft.
    public init(
        scorecard: String, score: String, item: ItemReference, value: String, confidence: Double? = nil,
        explanation: String? = nil, metadata: JSONValue? = nil, cost: Double? = nil, latency: Double? = nil,
        evaluationId: Identifier<Evaluation>? = nil, scoringJobId: String? = nil, idempotencyKey: String? = nil, createdAt: Date? = nil,
        scorecardVersion: Int? = nil
    ) {
        self.scorecard = scorecard
        self.score = score
        self.item = item
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

    /// The longest idempotency key accepted.
    public static let maximumIdempotencyKeyLength = 200

    /// How far in the future a given `createdAt` may be, allowing for clock skew.
    public static let allowedClockSkew: TimeInterval = 300

    /// Checks values and ranges; `field` prefixes the reported path.
    public func validate(field: String, now: Date = Date()) throws {
        func path(_ name: String) -> String { field.isEmpty ? name : "\(field).\(name)" }
        try Validate.nonBlank(value, field: path("value"))
        try Validate.unitInterval(confidence, field: path("confidence"))
        try Validate.nonNegative(cost, field: path("cost"))
        try Validate.nonNegative(latency, field: path("latency"))
        if let createdAt, createdAt.timeIntervalSince(now) > Self.allowedClockSkew {
            throw DomainError.invalid(field: path("createdAt"), message: "createdAt is in the future (\(createdAt)); send the time the result was produced.")
        }
        if let scorecardVersion, scorecardVersion < 1 {
            throw DomainError.invalid(field: path("scorecardVersion"), message: "scorecardVersion must be 1 or more; got \(scorecardVersion).")
        }
        if let idempotencyKey {
            guard !idempotencyKey.isEmpty, idempotencyKey.count <= Self.maximumIdempotencyKeyLength else {
                throw DomainError.invalid(field: path("idempotencyKey"), message: "An idempotency key must be 1–\(Self.maximumIdempotencyKeyLength) characters.")
            }
        }
    }
}
