/// A percentile bootstrap interval for the difference in accuracy of two classifiers judged on
/// the same items: accuracy(candidate) − accuracy(baseline).
///
/// Each resample draws n items with replacement, keeping each item's pair of results together,
/// as `scipy.stats.bootstrap(..., paired=True, method='percentile')` does; the bounds are the
/// (1 − confidence)/2 and (1 + confidence)/2 percentiles of the resampled differences, with
/// numpy's default linear interpolation. Runs in O(n · resamples) time.
public struct PairedBootstrap: Sendable, Hashable, Codable {
    /// accuracy(candidate) − accuracy(baseline) on the items as given.
    public let difference: Double
    /// The lower bound of the interval.
    public let lower: Double
    /// The upper bound of the interval.
    public let upper: Double
    /// The confidence level of the interval, such as 0.95.
    public let confidence: Double
    /// The number of resamples the interval was read from.
    public let resamples: Int

    /// Bootstraps the difference in accuracy between `candidate` and `baseline`, the correctness
    /// of each classifier per item in the same order, drawing items from `generator`.
    public init(
        baseline: [Bool], candidate: [Bool], resamples: Int = 10_000, confidence: Double = 0.95,
        using generator: inout some RandomNumberGenerator
    ) throws(ComparisonError) {
        try self.init(
            PairedOutcomes(baseline: baseline, candidate: candidate),
            resamples: resamples, confidence: confidence, using: &generator
        )
    }

    /// Bootstraps checked outcomes (shared with ``ClassifierComparison``).
    init(
        _ outcomes: PairedOutcomes, resamples: Int, confidence: Double,
        using generator: inout some RandomNumberGenerator
    ) throws(ComparisonError) {
        guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
        guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
        let differences = outcomes.differences
        let n = differences.count
        var resampled = [Double]()
        resampled.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var net = 0
            for _ in 0..<n {
                net += Int(differences[Int.random(in: 0..<n, using: &generator)])
            }
            resampled.append(Double(net) / Double(n))
        }
        resampled.sort()
        let tail = (1 - confidence) / 2
        difference = Double(outcomes.candidateCorrect - outcomes.baselineCorrect) / Double(n)
        lower = Self.percentile(resampled, tail)
        upper = Self.percentile(resampled, 1 - tail)
        self.confidence = confidence
        self.resamples = resamples
    }

    /// The `fraction` quantile of `sorted`, interpolated linearly between neighbours as numpy's
    /// `percentile(..., method='linear')` does.
    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] + weight * (sorted[above] - sorted[below])
    }
}
