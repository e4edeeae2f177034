import PlexusStats

/// Splits examples into training and held-out parts with each class in about the same proportion
/// in both: per class, a seeded shuffle, then `round(testSize × count)` examples held out, but
/// always at least one kept for training.
struct StratifiedSplit: Sendable {
    /// Indices of the training examples, ascending.
    var training: [Int]
    /// Indices of the held-out examples, ascending.
    var heldOut: [Int]

    /// Splits examples whose classes are `labels` (class numbers).
    init(labels: [Int], classCount: Int, testSize: Double, seed: UInt64) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var byClass = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { byClass[label].append(index) }
        var training: [Int] = []
        var heldOut: [Int] = []
        for members in byClass {
            let shuffled = members.shuffled(using: &generator)
            let held = min(Int((testSize * Double(members.count)).rounded()), max(members.count - 1, 0))
            heldOut += shuffled.prefix(held)
            training += shuffled.dropFirst(held)
        }
        self.training = training.sorted()
        self.heldOut = heldOut.sorted()
    }
}
