import Foundation

/// The Mann–Whitney U rank test of two independent samples, as `scipy.stats.mannwhitneyu`
/// (SciPy 1.12) computes it.
public enum MannWhitneyU {
    /// Largest `min(m, n) · m · n` for which an explicitly requested exact p-value is computed;
    /// beyond it the null distribution would take minutes (SciPy runs out of memory long before).
    static let exactWorkLimit = 1_000_000_000

    /// Tests whether `x` and `y` come from one distribution, as
    /// `mannwhitneyu(x, y, use_continuity:, alternative:, method:)`.
    ///
    /// The statistic is U₁, the number of pairs (xᵢ, yⱼ) with xᵢ > yⱼ plus half the tied pairs.
    /// - `.exact` counts the null distribution of U without ties (ties are not corrected for, as
    ///   in SciPy; a fractional U is truncated).
    /// - `.asymptotic` uses the normal approximation with tie-corrected variance and, when
    ///   `continuityCorrection` is set, a ½ continuity correction.
    /// - `.auto` is exact when either sample has at most 8 observations and the pool has no ties,
    ///   asymptotic otherwise (SciPy 1.12's rule).
    ///
    /// Where SciPy returns NaN (all observations equal without continuity correction, or one
    /// observation per sample asymptotically), this returns a p-value of 1 instead.
    /// - Throws: ``StatisticsError/tooFewObservations(sample:needed:got:)`` for an empty sample,
    ///   ``StatisticsError/nonFiniteValue(sample:index:)`` for NaN or infinity (SciPy propagates
    ///   NaN), and ``StatisticsError/invalidParameter(name:value:allowed:)`` when `.exact` is
    ///   requested for samples too large to enumerate.
    public static func test(
        _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided,
        method: PValueMethod = .auto, continuityCorrection: Bool = true
    ) throws(StatisticsError) -> TwoSampleTestResult {
        guard !x.isEmpty else { throw .tooFewObservations(sample: "x", needed: 1, got: 0) }
        guard !y.isEmpty else { throw .tooFewObservations(sample: "y", needed: 1, got: 0) }
        try PooledRanks.requireFinite(x, named: "x")
        try PooledRanks.requireFinite(y, named: "y")

        let m = x.count, n = y.count
        let ranks = PooledRanks(x + y)
        let exact = switch method {
        case .exact: true
        case .asymptotic: false
        case .auto: min(m, n) <= 8 && !ranks.hasTies
        }
        if method == .exact, Double(min(m, n)) * Double(m) * Double(n) > Double(exactWorkLimit) {
            throw .invalidParameter(
                name: "method", value: "exact for samples of \(m) and \(n) observations",
                allowed: "asymptotic or auto when min(m, n) · m · n exceeds \(exactWorkLimit)")
        }

        // Ranks are multiples of ½ and their sum stays far below 2⁵², so U is exact.
        let u1 = ranks.ranks[..<m].reduce(0, +) - Double(m) * Double(m + 1) / 2
        let u2 = Double(m) * Double(n) - u1
        // Each alternative reads the upper tail of one statistic, so one survival function serves.
        let (u, sides): (Double, Double) = switch alternative {
        case .greater: (u1, 1)
        case .less: (u2, 1)
        case .twoSided: (max(u1, u2), 2)
        }
        let survival = exact
            ? exactSurvival(Int(u), m, n)
            : normalSurvival(u, m, n, tieTerm: ranks.tieTerm, continuityCorrection: continuityCorrection)
        return TwoSampleTestResult(statistic: u1, pValue: min(max(sides * survival, 0), 1))
    }

    /// P(U ≥ u) under the null hypothesis without ties. The distribution is symmetric about
    /// mn / 2, so this is P(U ≤ mn − u), summed from the lower tail.
    private static func exactSurvival(_ u: Int, _ m: Int, _ n: Int) -> Double {
        let limit = m * n - u
        guard limit >= 0 else { return 0 }
        return nullProbabilities(min(m, n), max(m, n), upTo: limit).reduce(0, +)
    }

    /// P(U = k) for k in 0...limit, where U counts the pairs won by the smaller sample of `m`
    /// against `n`. The counts are the coefficients of the Gaussian binomial
    /// ∏ᵢ₌₁ᵐ (1 − q^(n+i)) / (1 − q^i); multiplying the factors in one at a time, each scaled by
    /// i / (n + i), keeps every intermediate polynomial a probability distribution, so nothing
    /// overflows. Cost O(m · limit).
    private static func nullProbabilities(_ m: Int, _ n: Int, upTo limit: Int) -> [Double] {
        var p = [Double](repeating: 0, count: limit + 1)
        p[0] = 1
        p.withUnsafeMutableBufferPointer { p in
            for i in stride(from: 1, through: m, by: 1) {
                let drop = n + i
                if drop <= limit {
                    for k in stride(from: limit, through: drop, by: -1) { p[k] -= p[k - drop] }
                }
                if i <= limit {
                    for k in i...limit { p[k] += p[k - i] }
                }
                let scale = Double(i) / Double(n + i)
                for k in 0...limit { p[k] *= scale }
            }
        }
        return p
    }

    /// P(Z ≥ z) for U standardized with its tie-corrected null variance.
    private static func normalSurvival(
        _ u: Double, _ m: Int, _ n: Int, tieTerm: Double, continuityCorrection: Bool
    ) -> Double {
        let pool = Double(m + n)
        // With one observation per sample there are no ties to correct for; SciPy divides 0 by 0 here.
        let ties = tieTerm == 0 ? 0 : tieTerm / (pool * (pool - 1))
        let spread = (Double(m) * Double(n) / 12 * ((pool + 1) - ties)).squareRoot()
        // Every observation equal: U sits at its mean and there is no evidence of a difference.
        guard spread > 0 else { return 1 }
        var numerator = u - Double(m) * Double(n) / 2
        // The upper tail is always read, so the correction always moves U down by ½.
        if continuityCorrection { numerator -= 0.5 }
        return 0.5 * erfc(numerator / spread / 2.0.squareRoot())
    }
}
