import Foundation

/// The outcome of the k-sample Anderson–Darling test: the standardized statistic, its critical
/// values and the significance level interpolated between them, as `scipy.stats.anderson_ksamp`
/// reports them.
public struct AndersonDarlingResult: Sendable, Equatable, Codable {
    /// The standardized statistic (A²ₖₙ − (k − 1)) / σₙ of Scholz and Stephens (1987).
    public let statistic: Double
    /// The statistic's critical values at the levels of ``AndersonDarling/significanceLevels``.
    public let criticalValues: [Double]
    /// The approximate p-value, interpolated on the log scale between the critical values and
    /// capped to [0.001, 0.25]: 0.25 means "at least 0.25", 0.001 "at most 0.001".
    public let significanceLevel: Double

    /// A result with the given statistic, critical values and significance level.
    public init(statistic: Double, criticalValues: [Double], significanceLevel: Double) {
        self.statistic = statistic
        self.criticalValues = criticalValues
        self.significanceLevel = significanceLevel
    }
}

/// The k-sample Anderson–Darling test of Scholz and Stephens (1987), as
/// `scipy.stats.anderson_ksamp` (SciPy 1.12) computes it without a permutation method.
public enum AndersonDarling {
    /// The significance levels of ``AndersonDarlingResult/criticalValues``, in order.
    public static let significanceLevels: [Double] = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001]

    /// Tests whether all `samples` come from one continuous distribution, as
    /// `anderson_ksamp(samples, midrank:)`.
    ///
    /// With `midrank` (the default, right for discrete data) ties are scored at their midpoint
    /// (A²ₐₖₙ, eq. 7 of Scholz and Stephens); without it, by the right-continuous empirical CDF
    /// (A²ₖₙ, eq. 6).
    /// - Throws: ``StatisticsError/invalidParameter(name:value:allowed:)`` for fewer than two
    ///   samples or when every observation is equal (nothing to rank, as SciPy refuses too),
    ///   ``StatisticsError/tooFewObservations(sample:needed:got:)`` for an empty sample or fewer
    ///   than four observations in all (where SciPy's variance divides by zero), and
    ///   ``StatisticsError/nonFiniteValue(sample:index:)`` for NaN or infinity.
    public static func kSample(_ samples: [[Double]], midrank: Bool = true) throws(StatisticsError) -> AndersonDarlingResult {
        guard samples.count >= 2 else {
            throw .invalidParameter(name: "the number of samples", value: "\(samples.count)", allowed: "at least 2")
        }
        for (index, sample) in samples.enumerated() {
            guard !sample.isEmpty else { throw .tooFewObservations(sample: ordinal(index + 1), needed: 1, got: 0) }
            try PooledRanks.requireFinite(sample, named: ordinal(index + 1))
        }
        let pooled = samples.flatMap { $0 }
        guard pooled.count >= 4 else { throw .tooFewObservations(sample: "pooled", needed: 4, got: pooled.count) }
        let ranks = PooledRanks(pooled)
        guard ranks.tieGroupSizes.count >= 2 else {
            throw .invalidParameter(
                name: "samples", value: "\(pooled.count) observations all equal to \(pooled[0])",
                allowed: "holding at least two distinct values")
        }

        let sizes = samples.map(\.count)
        let raw = midrank ? midrankStatistic(ranks, sizes) : rightContinuousStatistic(ranks, sizes)
        let k = samples.count
        let statistic = (raw - Double(k - 1)) / variance(pool: pooled.count, sizes: sizes).squareRoot()
        let critical = criticalValues(degrees: Double(k - 1))
        return AndersonDarlingResult(
            statistic: statistic, criticalValues: critical,
            significanceLevel: significance(of: statistic, critical: critical))
    }

    /// Which sample each pooled observation came from, in pooled order.
    private static func labels(_ sizes: [Int]) -> [Int] {
        sizes.enumerated().flatMap { sample, size in repeatElement(sample, count: size) }
    }

    /// A²ₐₖₙ: every distinct value z contributes, for each sample i, lⱼ / N · (N·Mᵢⱼ − Bⱼ·nᵢ)² /
    /// (Bⱼ(N − Bⱼ) − N·lⱼ / 4) / nᵢ, with midpoint counts Mᵢⱼ and Bⱼ of sample i and of the pool.
    private static func midrankStatistic(_ ranks: PooledRanks, _ sizes: [Int]) -> Double {
        let pool = Double(ranks.count)
        var sums = [Double](repeating: 0, count: sizes.count)
        walkTies(ranks, sizes) { size, below, sampleBelow, sampleIn in
            let l = Double(size)
            let b = Double(below) + l / 2
            let denominator = b * (pool - b) - pool * l / 4
            for i in sizes.indices {
                let mij = Double(sampleBelow[i]) + Double(sampleIn[i]) / 2
                let gap = pool * mij - b * Double(sizes[i])
                sums[i] += l / pool * (gap * gap) / denominator
            }
        }
        return perSample(sums, sizes) * (pool - 1) / pool
    }

    /// A²ₖₙ: as ``midrankStatistic(_:_:)`` with the counts up to and including each distinct
    /// value but the largest.
    private static func rightContinuousStatistic(_ ranks: PooledRanks, _ sizes: [Int]) -> Double {
        let pool = Double(ranks.count)
        var sums = [Double](repeating: 0, count: sizes.count)
        walkTies(ranks, sizes) { size, below, sampleBelow, sampleIn in
            guard below + size < ranks.count else { return }
            let l = Double(size)
            let b = Double(below + size)
            for i in sizes.indices {
                let gap = pool * Double(sampleBelow[i] + sampleIn[i]) - b * Double(sizes[i])
                sums[i] += l / pool * (gap * gap) / (b * (pool - b))
            }
        }
        return perSample(sums, sizes)
    }

    /// Calls `visit` for each run of equal pooled values, in ascending order, with the run's
    /// size, the number of pooled values below it, and per sample the counts below and in it.
    private static func walkTies(
        _ ranks: PooledRanks, _ sizes: [Int], _ visit: (Int, Int, [Int], [Int]) -> Void
    ) {
        let label = labels(sizes)
        var sampleBelow = [Int](repeating: 0, count: sizes.count)
        var sampleIn = sampleBelow
        var below = 0
        for size in ranks.tieGroupSizes {
            for position in below..<(below + size) { sampleIn[label[ranks.order[position]]] += 1 }
            visit(size, below, sampleBelow, sampleIn)
            for i in sizes.indices {
                sampleBelow[i] += sampleIn[i]
                sampleIn[i] = 0
            }
            below += size
        }
    }

    /// Σᵢ sumsᵢ / nᵢ, each sample's sum divided by its size as Scholz and Stephens weight them.
    private static func perSample(_ sums: [Double], _ sizes: [Int]) -> Double {
        zip(sums, sizes).reduce(0) { $0 + $1.0 / Double($1.1) }
    }

    /// The variance of A²ₖₙ under the null hypothesis for `pool` observations split into
    /// `sizes` (Scholz and Stephens, eq. 4).
    private static func variance(pool: Int, sizes: [Int]) -> Double {
        let k = Double(sizes.count), n = Double(pool)
        let inverseSizes = sizes.reduce(0) { $0 + 1 / Double($1) }
        // h = Σ_{i<N} 1/i and g = Σ_{i<j<N} 1/((N − i)·j), from the tails of the harmonic series.
        var tail = 0.0, g = 0.0
        for j in stride(from: 0, to: pool - 2, by: 1) {
            tail += 1 / Double(pool - 1 - j)
            g += tail / Double(j + 2)
        }
        let h = tail + 1
        let a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * inverseSizes
        let b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * inverseSizes - 8 * h + 4 * g - 6
        let c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * inverseSizes + 4 * h
        let d = (2 * h + 6) * k * k - 4 * h * k
        return (a * n * n * n + b * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3))
    }

    /// The critical values b₀ + b₁ / √m + b₂ / m of Scholz and Stephens' Table 2, for m = k − 1.
    private static func criticalValues(degrees m: Double) -> [Double] {
        let b0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085]
        let b1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615]
        let b2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154]
        return b0.indices.map { b0[$0] + b1[$0] / m.squareRoot() + b2[$0] / m }
    }

    /// The significance level of `statistic`: exp of the least-squares quadratic through
    /// (critical value, log level), as SciPy interpolates, capped at the table's ends.
    private static func significance(of statistic: Double, critical: [Double]) -> Double {
        guard let lowest = critical.min(), let highest = critical.max() else { return .nan }
        if statistic < lowest { return significanceLevels.max() ?? 0.25 }
        if statistic > highest { return significanceLevels.min() ?? 0.001 }
        return exp(quadraticFit(critical, significanceLevels.map { log($0) }, at: statistic))
    }

    /// The least-squares quadratic through the points (xs, ys), evaluated at `x`. It is built from
    /// polynomials orthogonal on the xs (Forsythe's three-term recurrence), which avoids the
    /// ill-conditioned normal equations of the plain 1, x, x² basis.
    private static func quadraticFit(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
        func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
        var previous = [Double](repeating: 0, count: xs.count)
        var current = [Double](repeating: 1, count: xs.count)
        var previousAt = 0.0, currentAt = 1.0
        var previousNorm = 1.0
        var fit = 0.0
        for degree in 0...2 {
            let norm = dot(current, current)
            fit += dot(ys, current) / norm * currentAt
            guard degree < 2 else { break }
            let alpha = dot(zip(xs, current).map { $0 * $1 }, current) / norm
            let beta = degree == 0 ? 0 : norm / previousNorm
            let next = xs.indices.map { (xs[$0] - alpha) * current[$0] - beta * previous[$0] }
            let nextAt = (x - alpha) * currentAt - beta * previousAt
            (previous, current, previousAt, currentAt, previousNorm) = (current, next, currentAt, nextAt, norm)
        }
        return fit
    }

    /// "1st", "2nd", "3rd", "4th", … for naming a sample in an error.
    private static func ordinal(_ number: Int) -> String {
        let suffix = switch (number % 10, number % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return "\(number)\(suffix)"
    }
}
