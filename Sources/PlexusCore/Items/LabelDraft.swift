/// What a caller sends to set a label; setting it again replaces the value.
public struct LabelDraft: Sendable, Hashable {
    /// The scorecard's ID or key.
    public var scorecard: String
    /// The score's ID or key.
    public var score: String
    /// The item, by ID or external ID; an unknown external ID creates the item.
    public var item: ItemReference
    /// The correct class; must be one of the score's classes.
    public var value: String
    /// Who or what gave the label.
    public var source: String?

    /// Creates a label draft.
    public init(scorecard: String, score: String, item: ItemReference, value: String, source: String? = nil) {
        self.scorecard = scorecard
        self.score = score
        self.item = item
        self.value = value
        self.source = source
    }
}
