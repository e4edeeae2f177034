/// What a classifier sees: the item and the results of scores that ran before it.
public struct ClassifierInput: Sendable {
    /// The item being scored.
    public var item: ScoringItem
    /// Results of earlier scores of the same scorecard on this item, by score key.
    public var earlierResults: [String: Classification]

    /// Creates a classifier input.
    public init(item: ScoringItem, earlierResults: [String: Classification] = [:]) {
        self.item = item
        self.earlierResults = earlierResults
    }
}
