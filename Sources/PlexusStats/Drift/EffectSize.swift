/// How far a column moved, on a scale that does not depend on sample size, with a percentile
/// bootstrap interval: the normed Wasserstein distance for numeric columns and the
/// Jensen–Shannon distance (natural log) for categorical ones.
public struct EffectSize: Sendable, Codable, Equatable {
    /// How the interval is drawn.
    public struct Bootstrap: Sendable, Codable, Equatable {
        /// Resamples drawn (default 200).
        public var resamples: Int
        /// The interval's confidence level (default 0.95).
        public var confidence: Double
        /// Each resample draws at most this many observations per side (default 2,000): an
        /// m-out-of-n bootstrap, whose interval is somewhat wider than the n-out-of-n one and
        /// whose cost does not grow with the window.
        public var maximumDraws: Int

        /// Settings with the documented defaults unless given.
        public init(resamples: Int = 200, confidence: Double = 0.95, maximumDraws: Int = 2000) {
            self.resamples = resamples
            self.confidence = confidence
            self.maximumDraws = maximumDraws
        }
    }

    /// `normed_wasserstein` or `jensenshannon`.
    public let measure: String
    /// The measure on the samples as given.
    public let value: Double
    /// The interval's lower and upper bounds.
    public let lower: Double, upper: Double
    /// The interval's confidence level.
    public let confidence: Double

    /// Measures the change from `reference` to `current` and bootstraps its interval.
    public init(
        reference: DriftColumn, current: DriftColumn, bootstrap: Bootstrap,
        using generator: inout some RandomNumberGenerator
    ) throws(StatisticsError) {
        guard bootstrap.resamples >= 1 else {
            throw .invalidParameter(name: "resamples", value: "\(bootstrap.resamples)", allowed: "at least 1 (200 is usual)")
        }
        guard bootstrap.confidence > 0, bootstrap.confidence < 1 else {
            throw .invalidParameter(name: "confidence", value: "\(bootstrap.confidence)", allowed: "strictly between 0 and 1, such as 0.95")
        }
        guard bootstrap.maximumDraws >= 1 else {
            throw .invalidParameter(name: "maximumDraws", value: "\(bootstrap.maximumDraws)", allowed: "at least 1")
        }
        var estimates: [Double] = []
        estimates.reserveCapacity(bootstrap.resamples)
        switch (reference, current) {
        case let (.numeric(u), .numeric(v)):
            measure = "normed_wasserstein"
            value = try CDFDistance.normedWasserstein(u, v)
            for _ in 0 ..< bootstrap.resamples {
                let a = EffectSize.resample(u, draws: min(u.count, bootstrap.maximumDraws), using: &generator)
                let b = EffectSize.resample(v, draws: min(v.count, bootstrap.maximumDraws), using: &generator)
                estimates.append(try CDFDistance.normedWasserstein(a, b))
            }
        default:
            measure = "jensenshannon"
            let p = reference.valueCounts, q = current.valueCounts
            let keys = Set(p.counts.keys).union(q.counts.keys).sorted()
            let referenceCounts = keys.map { p.counts[$0, default: 0] }, currentCounts = keys.map { q.counts[$0, default: 0] }
            value = DistributionDistance.jensenShannon(referenceCounts.map(Double.init), currentCounts.map(Double.init))
            for _ in 0 ..< bootstrap.resamples {
                let a = EffectSize.resample(referenceCounts, draws: min(p.total, bootstrap.maximumDraws), using: &generator)
                let b = EffectSize.resample(currentCounts, draws: min(q.total, bootstrap.maximumDraws), using: &generator)
                estimates.append(DistributionDistance.jensenShannon(a, b))
            }
        }
        let sorted = SortedSample(alreadySorted: estimates.sorted())
        let tail = (1 - bootstrap.confidence) / 2
        lower = sorted.quantile(tail) ?? value
        upper = sorted.quantile(1 - tail) ?? value
        confidence = bootstrap.confidence
    }

    /// `draws` observations of `sample` drawn with replacement, sorted.
    private static func resample(_ sample: SortedSample, draws: Int, using generator: inout some RandomNumberGenerator) -> SortedSample {
        let values = sample.values
        return SortedSample(alreadySorted: (0 ..< draws).map { _ in values[Int.random(in: 0 ..< values.count, using: &generator)] }.sorted())
    }

    /// Category counts of `draws` observations drawn with replacement from `counts`.
    private static func resample(_ counts: [Int], draws: Int, using generator: inout some RandomNumberGenerator) -> [Double] {
        var cumulative: [Int] = []
        cumulative.reserveCapacity(counts.count)
        var running = 0
        for count in counts {
            running += count
            cumulative.append(running)
        }
        var drawn = [Double](repeating: 0, count: counts.count)
        for _ in 0 ..< draws {
            let ticket = Int.random(in: 0 ..< running, using: &generator)
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > ticket { high = middle } else { low = middle + 1 }
            }
            drawn[low] += 1
        }
        return drawn
    }
}
