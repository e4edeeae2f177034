/// The body of `PUT /api/v1/labels`.
public struct LabelInput: Sendable, Codable, Hashable {
    public var scorecardId: String?
    public var scorecardKey: String?
    public var scoreId: String?
    public var scoreKey: String?
    public var itemId: String?
    public var itemExternalId: String?
    public var value: String
    public var source: String?

    /// Creates an input; name each of scorecard, score and item one way.
    public init(
        scorecardId: String? = nil, scorecardKey: String? = nil, scoreId: String? = nil, scoreKey: String? = nil,
        itemId: String? = nil, itemExternalId: String? = nil, value: String, source: String? = nil
    ) {
        self.scorecardId = scorecardId
        self.scorecardKey = scorecardKey
        self.scoreId = scoreId
        self.scoreKey = scoreKey
        self.itemId = itemId
        self.itemExternalId = itemExternalId
        self.value = value
        self.source = source
    }

    /// The domain draft, checking the references.
    public func draft() throws -> LabelDraft {
        let scorecard = try ReferenceFields.one(("scorecardId", scorecardId), ("scorecardKey", scorecardKey), prefix: "")
        let score = try ReferenceFields.one(("scoreId", scoreId), ("scoreKey", scoreKey), prefix: "")
        let item: ItemReference = itemId != nil && itemExternalId == nil
            ? .id(Identifier(itemId!))
            : .externalId(try ReferenceFields.one(("itemId", itemId), ("itemExternalId", itemExternalId), prefix: ""))
        try Validate.nonBlank(value, field: "value")
        return LabelDraft(scorecard: scorecard, score: score, item: item, value: value, source: source)
    }
}
