import PlexusStats

/// Two evaluations of the same score compared on the items both evaluated: the difference in
/// accuracy with a paired-bootstrap interval and McNemar's test.
public struct RunComparison: Sendable, Hashable, Codable {
    /// The statistics (accuracies, McNemar, bootstrap interval of candidate − baseline).
    public var statistics: ClassifierComparison
    /// Items evaluated by only one of the two runs, left out of the comparison.
    public var unmatched: Int

    /// Pairs `baseline` and `candidate` predictions by item ID and compares them.
    /// - Throws: ``RunComparisonError/noCommonItems`` when the runs share no item.
    public init(
        baseline: [ItemPrediction], candidate: [ItemPrediction], resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt64 = 1
    ) throws {
        var candidateByItem: [String: ItemPrediction] = [:]
        for prediction in candidate { candidateByItem[prediction.itemID] = prediction }
        var baselineCorrect: [Bool] = []
        var candidateCorrect: [Bool] = []
        for prediction in baseline {
            guard let other = candidateByItem[prediction.itemID] else { continue }
            baselineCorrect.append(prediction.isCorrect)
            // Both runs are judged against the baseline's label so a relabelled item cannot favour either.
            candidateCorrect.append(other.predicted == prediction.label)
        }
        guard !baselineCorrect.isEmpty else { throw RunComparisonError.noCommonItems }
        var generator = SeededRandomNumberGenerator(seed: seed)
        statistics = try ClassifierComparison(
            baseline: baselineCorrect, candidate: candidateCorrect, resamples: resamples, confidence: confidence, using: &generator)
        unmatched = baseline.count + candidate.count - 2 * baselineCorrect.count
    }
}

/// Why two runs cannot be compared.
public enum RunComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No item was evaluated by both runs.
    case noCommonItems

    /// What to do about it.
    public var description: String {
        "The two evaluations share no items; evaluate both on the same labelled items (same --sample and --seed)."
    }
}
