import Foundation

/// The standard normal and chi-square distributions, as the drift tests need them.
public enum Distributions {
    /// P(Z <= z) for a standard normal Z.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// P(Z > z) for a standard normal Z, accurate far into the tail.
    public static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// P(X > x) for X chi-square distributed with `degreesOfFreedom` degrees of freedom
    /// (SciPy's `chi2.sf`): the regularized upper incomplete gamma function Q(k/2, x/2).
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
        if x.isNaN || degreesOfFreedom <= 0 { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return regularizedUpperGamma(degreesOfFreedom / 2, x / 2)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a) for a > 0 and x >= 0: by its series below a + 1, by Lentz's
    /// continued fraction above, each to full double precision.
    static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        if x == 0 { return 1 }
        let logPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            // P(a, x) = x^a e^-x / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)).
            var term = 1 / a, sum = term, denominator = a
            for _ in 0 ..< 10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, fraction = d
        for n in 1 ..< 10_000 {
            let an = -Double(n) * (Double(n) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            fraction *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return min(1, exp(logPrefix) * fraction)
    }
}
