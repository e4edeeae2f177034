import PlexusCore

/// Merges the labelled items of several scores into one input item per item, carrying every
/// score's label, as evaluations read them from the store or the server.
public struct LabelledItemMerge: Sendable {
    private var byID: [String: InputItem] = [:]

    /// Starts empty.
    public init() {}

    /// Adds `labelled`'s label for `score`.
    public mutating func add(_ labelled: LabelledItem, score: String) {
        let item = ScoringItem(id: labelled.itemId, text: labelled.text, metadata: labelled.metadata?.objectValue ?? [:])
        byID[labelled.itemId, default: InputItem(item: item)].labels[score] = labelled.label
    }

    /// The merged items, in no particular order.
    public var items: [InputItem] { Array(byID.values) }
}
