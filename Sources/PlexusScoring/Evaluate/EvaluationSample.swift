import PlexusStats

/// Which labelled items an evaluation runs on: all of them in item-ID order, or a seeded random
/// draw, so the same seed over the same labels always picks the same items.
public enum EvaluationSample {
    /// `items` sorted by ID, then, when `sample` is smaller than their number, `sample` of them
    /// drawn with `seed`.
    public static func draw(_ items: [InputItem], sample: Int?, seed: UInt64) -> [InputItem] {
        var items = items.sorted { $0.item.id < $1.item.id }
        guard let sample, sample < items.count else { return items }
        var random = SeededRandomNumberGenerator(seed: seed)
        items.shuffle(using: &random)
        return Array(items.prefix(sample))
    }

    /// Which of `candidates` can be evaluated on `items`: those at least one item has a label for,
    /// and those nobody labelled (left out, or an error when the user named them).
    public static func labelledScores(_ candidates: [String], in items: [InputItem]) -> (evaluated: [String], unlabelled: [String]) {
        let labelled = Set(items.flatMap(\.labels.keys))
        return (candidates.filter(labelled.contains), candidates.filter { !labelled.contains($0) })
    }
}
