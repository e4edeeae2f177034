/// An item read from an input file, with the human labels the file gives for it (if any).
public struct InputItem: Sendable, Hashable {
    /// The item to score.
    public var item: ScoringItem
    /// Human labels by score key; empty for unlabelled input.
    public var labels: [String: String]

    /// Creates a labelled item.
    public init(item: ScoringItem, labels: [String: String] = [:]) {
        self.item = item
        self.labels = labels
    }
}
