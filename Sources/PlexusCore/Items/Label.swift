import Foundation

/// A human judgement of one item for one score: the value a classifier should have produced.
public struct Label: Sendable, Codable, Hashable {
    /// The label's unique ID.
    public var id: Identifier<Label>
    /// The labelled item.
    public var itemId: Identifier<Item>
    /// The score the label answers.
    public var scoreId: Identifier<Score>
    /// The correct class.
    public var value: String
    /// Who or what gave the label, e.g. `qa-team` or `import-2026-11`.
    public var source: String?
    /// When the label was first set.
    public var createdAt: Date
    /// When the label was last set.
    public var updatedAt: Date

    /// Creates a label value.
    public init(id: Identifier<Label>, itemId: Identifier<Item>, scoreId: Identifier<Score>, value: String, source: String?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.itemId = itemId
        self.scoreId = scoreId
        self.value = value
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
