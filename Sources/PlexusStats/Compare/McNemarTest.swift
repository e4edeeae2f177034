import Foundation

/// McNemar's test of whether two classifiers judged on the same items differ in accuracy.
///
/// Only the discordant items matter: b, where the baseline is right and the candidate wrong,
/// and c, the other way round. Values match statsmodels 0.15's `mcnemar` to within 1e-10; the
/// reference script is `scripts/reference/comparison_fixtures.py`.
///
/// With b + c = 0 there is no evidence either way: both p-values are 1 and the chi-square
/// statistic is 0 (statsmodels divides by zero there and reports p = 0).
public struct McNemarTest: Sendable, Hashable, Codable {
    /// Items the baseline got right and the candidate wrong (b).
    public let baselineOnlyCorrect: Int
    /// Items the candidate got right and the baseline wrong (c).
    public let candidateOnlyCorrect: Int
    /// The exact test's statistic, min(b, c), as `mcnemar(table, exact=True)` reports it.
    public let exactStatistic: Int
    /// The two-sided exact p-value: 2·P(X ≤ min(b, c)) for X ~ Binomial(b + c, ½), capped at 1.
    public let exactPValue: Double
    /// The continuity-corrected statistic (|b − c| − 1)² / (b + c), as statsmodels and R compute it
    /// (not clamped, so b = c gives 1 / (b + c)); 0 when b + c = 0.
    public let chiSquare: Double
    /// The probability that a chi-square variable with one degree of freedom exceeds ``chiSquare``.
    public let chiSquarePValue: Double

    /// Tests the discordant counts b (`baselineOnlyCorrect`) and c (`candidateOnlyCorrect`).
    public init(baselineOnlyCorrect b: Int, candidateOnlyCorrect c: Int) throws(ComparisonError) {
        guard b >= 0 else { throw .negativeCount(name: "baselineOnlyCorrect", count: b) }
        guard c >= 0 else { throw .negativeCount(name: "candidateOnlyCorrect", count: c) }
        baselineOnlyCorrect = b
        candidateOnlyCorrect = c
        exactStatistic = min(b, c)
        exactPValue = min(1, 2 * Self.binomialHalfLowerTail(min(b, c), trials: b + c))
        chiSquare = b + c == 0 ? 0 : pow(Double(abs(b - c) - 1), 2) / Double(b + c)
        // The chi-square(1) survival function: P(Z² > x) = erfc(√(x/2)).
        chiSquarePValue = erfc((chiSquare / 2).squareRoot())
    }

    /// P(X ≤ k) for X ~ Binomial(trials, ½).
    ///
    /// Each term is formed in log space with `lgamma` so that C(n, k) cannot overflow for n in
    /// the thousands; the sum is taken relative to the largest term (k itself, as k ≤ n/2), which
    /// keeps tiny tails accurate instead of rounding them to 0.
    private static func binomialHalfLowerTail(_ k: Int, trials n: Int) -> Double {
        let logHalfPower = Double(n) * -log(2.0)
        let logChooseN = logGamma(n + 1)
        func logTerm(_ i: Int) -> Double {
            logChooseN - logGamma(i + 1) - logGamma(n - i + 1) + logHalfPower
        }
        let largest = logTerm(k)
        var relativeSum = 0.0
        for i in 0...k {
            relativeSum += exp(logTerm(i) - largest)
        }
        return exp(largest) * relativeSum
    }

    /// ln Γ(x) for a positive integer x.
    private static func logGamma(_ x: Int) -> Double {
        // The explicit result type picks C's `lgamma` over the overload that also returns the sign.
        let value: Double = lgamma(Double(x))
        return value
    }
}
