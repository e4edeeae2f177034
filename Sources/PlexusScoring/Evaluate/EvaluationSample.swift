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
}
