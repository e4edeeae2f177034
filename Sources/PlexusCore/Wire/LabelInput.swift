/// The body of `PUT /api/v1/labels`.
public struct LabelInput: Sendable, Codable, Hashable {
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
    /// Who or what gave the label.
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
