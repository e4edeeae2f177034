/// The body of `POST /api/v1/evaluations`.
public struct EvaluationInput: Sendable, Codable, Hashable {
    /// What kind of evaluation; `accuracy` when omitted.
    public var type: String?
    /// The scorecard's ID (or give `scorecardKey`).
    public var scorecardId: String?
    /// The scorecard's key (or give `scorecardId`).
    public var scorecardKey: String?
    /// The score's ID (or give `scoreKey`).
    public var scoreId: String?
    /// The score's key within the scorecard (or give `scoreId`).
    public var scoreKey: String?
    /// Free-form settings of the run.
    public var parameters: JSONValue?
    /// Items to process in all, when known.
    public var totalItems: Int?

    /// Creates an input; name the scorecard one way, and the score at most one way.
    public init(
        type: String? = nil, scorecardId: String? = nil, scorecardKey: String? = nil, scoreId: String? = nil,
        scoreKey: String? = nil, parameters: JSONValue? = nil, totalItems: Int? = nil
    ) {
        self.type = type
        self.scorecardId = scorecardId
        self.scorecardKey = scorecardKey
        self.scoreId = scoreId
        self.scoreKey = scoreKey
        self.parameters = parameters
        self.totalItems = totalItems
    }

    /// The domain draft, checking the references.
    public func draft() throws -> EvaluationDraft {
        let scorecard = try ReferenceFields.one(("scorecardId", scorecardId), ("scorecardKey", scorecardKey), prefix: "")
        let score = scoreId == nil && scoreKey == nil ? nil : try ReferenceFields.one(("scoreId", scoreId), ("scoreKey", scoreKey), prefix: "")
        let draft = EvaluationDraft(type: type ?? "accuracy", scorecard: scorecard, score: score, parameters: parameters, totalItems: totalItems)
        try draft.validate()
        return draft
    }
}
