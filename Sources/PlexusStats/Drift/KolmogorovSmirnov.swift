import Foundation

/// The two-sample Kolmogorov–Smirnov test, computed as `scipy.stats.ks_2samp` (SciPy 1.12) does.
///
/// The statistic is the largest gap between the two empirical CDFs, evaluated at every pooled
/// value (so ties count as SciPy counts them). The exact p-value counts lattice paths that leave
/// the band the statistic defines; the asymptotic one uses the Kolmogorov distribution (two-sided)
/// or Hodges' formula 5.3 (one-sided). Alternatives follow SciPy's meaning for this test, which
/// speaks of CDFs: `.less` looks for the reference CDF lying *below* the current one somewhere
/// (reference values tend to be larger), `.greater` for it lying above.
///
/// Unlike SciPy, which propagates NaN, samples holding NaN or an infinity are refused.
public enum KolmogorovSmirnov {
    /// The largest size at which `.auto` still computes the exact p-value, as in SciPy.
    public static let largestAutoExactSize = 10_000

    /// Tests whether `reference` and `current` come from one continuous distribution.
    ///
    /// With `.auto` the p-value is exact when both samples have at most
    /// ``largestAutoExactSize`` observations and asymptotic otherwise; an exact computation that
    /// cannot be carried out in floating point (a one-sided test of unequal sizes whose path count
    /// overflows, or `.exact` with lcm(n1, n2) ≥ 2³¹) falls back to the asymptotic one, as SciPy
    /// does. When the exact method runs, the statistic is reported as h / lcm(n1, n2), the lattice
    /// value it was rounded to, again as SciPy reports it. The p-value is clipped to [0, 1].
    ///
    /// Throws ``StatisticsError/tooFewObservations(sample:needed:got:)`` for an empty sample,
    /// ``StatisticsError/nonFiniteValue(sample:index:)`` for NaN or an infinity, and
    /// ``StatisticsError/invalidParameter(name:value:allowed:)`` for the two-sided asymptotic
    /// p-value of two single observations, which is undefined (SciPy returns NaN).
    public static func twoSample(
        _ reference: [Double], _ current: [Double],
        alternative: Alternative = .twoSided, method: PValueMethod = .auto
    ) throws(StatisticsError) -> TwoSampleTestResult {
        let gaps = try CDFGaps(reference, current)
        var d = gaps.statistic(for: alternative)
        let (n1, n2) = (gaps.referenceCount, gaps.currentCount)
        let g = gcd(n1, n2)
        var useExact: Bool
        switch method {
        case .auto: useExact = max(n1, n2) <= largestAutoExactSize
        case .exact: useExact = Double(n1 / g) < Double(Int32.max) / Double(n2 / g)
        case .asymptotic: useExact = false
        }
        if useExact {
            let lcm = (n1 / g) * n2
            let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
            d = Double(h) / Double(lcm)
            if let p = exactPValue(n1, n2, gcd: g, h: h, alternative: alternative) {
                return TwoSampleTestResult(statistic: d, pValue: p)
            }
        }
        let p = try asymptoticPValue(n1, n2, statistic: d, alternative: alternative)
        return TwoSampleTestResult(statistic: d, pValue: min(max(p, 0), 1))
    }

    /// The statistic alone: the largest gap between the empirical CDFs, F_reference − F_current
    /// for `.greater`, F_current − F_reference for `.less`, either for `.twoSided`.
    ///
    /// This is the raw gap; ``twoSample(_:_:alternative:method:)`` reports it rounded to the
    /// lattice h / lcm(n1, n2) when it computes the exact p-value. Throws as that method does.
    public static func statistic(
        _ reference: [Double], _ current: [Double], alternative: Alternative = .twoSided
    ) throws(StatisticsError) -> Double {
        try CDFGaps(reference, current).statistic(for: alternative)
    }

    /// P(D ≥ h / lcm) by lattice-path counting, or nil where SciPy gives up on the exact value.
    private static func exactPValue(_ n1: Int, _ n2: Int, gcd g: Int, h: Int, alternative: Alternative) -> Double? {
        if h == 0 { return 1 }
        let p: Double?
        switch (alternative, n1 == n2) {
        case (.twoSided, true): p = LatticePaths.leavingSquareBand(n: n1, h: h)
        case (.twoSided, false): p = LatticePaths.leavingBand(n1, n2, gcd: g, h: h)
        case (_, true): p = LatticePaths.crossingDiagonal(n: n1, h: h)
        case (_, false): p = LatticePaths.crossingLine(n1, n2, gcd: g, h: h)
        }
        guard let p, p >= 0, p <= 1 else { return nil }
        return p
    }

    /// The large-sample p-value SciPy uses, with m ≥ n the two sizes.
    private static func asymptoticPValue(
        _ n1: Int, _ n2: Int, statistic d: Double, alternative: Alternative
    ) throws(StatisticsError) -> Double {
        let m = Double(max(n1, n2)), n = Double(min(n1, n2))
        let effectiveSize = m * n / (m + n)
        if alternative == .twoSided {
            let size = Int(effectiveSize.rounded(.toNearestOrEven))
            guard size >= 1 else {
                throw .invalidParameter(
                    name: "method", value: "asymptotic",
                    allowed: "auto or exact when both samples hold a single observation (mn/(m+n) rounds to 0)"
                )
            }
            return KolmogorovDistribution.survival(n: size, x: d)
        }
        let z = effectiveSize.squareRoot() * d
        return exp(-2 * (z * z) - 2 * z * (m + 2 * n) / (m * n * (m + n)).squareRoot() / 3)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}

/// The extreme gaps between two samples' empirical CDFs over their pooled values.
private struct CDFGaps {
    let referenceCount: Int
    let currentCount: Int
    /// max(F_reference − F_current), never negative (both CDFs reach 1 at the largest value).
    let greater: Double
    /// max(F_current − F_reference), never negative.
    let less: Double

    init(_ reference: [Double], _ current: [Double]) throws(StatisticsError) {
        let first = try Self.sortedFinite(reference, name: "reference")
        let second = try Self.sortedFinite(current, name: "current")
        let (n1, n2) = (Double(first.count), Double(second.count))
        var (i, j) = (0, 0)
        var (largest, smallest) = (-Double.infinity, Double.infinity)
        // Each distinct pooled value, with both CDFs counting the observations <= it.
        while i < first.count || j < second.count {
            let value = min(i < first.count ? first[i] : .infinity, j < second.count ? second[j] : .infinity)
            while i < first.count, first[i] == value { i += 1 }
            while j < second.count, second[j] == value { j += 1 }
            let gap = Double(i) / n1 - Double(j) / n2
            largest = max(largest, gap)
            smallest = min(smallest, gap)
        }
        referenceCount = first.count
        currentCount = second.count
        greater = largest
        less = min(max(-smallest, 0), 1)
    }

    func statistic(for alternative: Alternative) -> Double {
        switch alternative {
        case .greater: greater
        case .less: less
        case .twoSided: less > greater ? less : greater
        }
    }

    private static func sortedFinite(_ sample: [Double], name: String) throws(StatisticsError) -> [Double] {
        guard !sample.isEmpty else { throw .tooFewObservations(sample: name, needed: 1, got: 0) }
        if let index = sample.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(sample: name, index: index)
        }
        return sample.sorted()
    }
}

/// Proportions of monotone lattice paths from (0, 0) to (m, n) that reach a boundary, which are
/// the exact null probabilities of the two-sample statistics (Hodges 1958).
///
/// Each recursion carries, per lattice point, the fraction of the paths to it that have already
/// touched the boundary, which stays in [0, 1] (Viehmann 2021), instead of SciPy's raw path
/// counts for the one-sided case; that is stable where the counts cancel and agrees with SciPy to
/// about 1e-12. Only one column of the lattice is held at a time.
private enum LatticePaths {
    /// P(D_{n,n} ≥ h/n): SciPy's alternating sum of binomial ratios, in Horner form.
    static func leavingSquareBand(n: Int, h: Int) -> Double {
        var p = 0.0
        for k in stride(from: n / h, through: 0, by: -1) {
            var ratio = 1.0
            for j in 0..<h { ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1) }
            p = ratio * (1 - p)
        }
        return 2 * p
    }

    /// P(D_{m,n} ≥ h/lcm): paths leaving the band |x/m − y/n| < h/lcm, with m ≥ n.
    static func leavingBand(_ a: Int, _ b: Int, gcd g: Int, h: Int) -> Double {
        let (m, n) = (max(a, b), min(a, b))
        let (mg, ng) = (m / g, n / g)
        // column[j − low] is the fraction for (i, j); the window low..<high moves up with i, and
        // everything above it is 1 (outside the band).
        var column = [Double](repeating: 1, count: n + 2)
        var low = 0
        var high = min(ceilDivide(h, mg), n + 1)
        for j in 0..<high { column[j] = 0 }
        return column.withUnsafeMutableBufferPointer { values -> Double in
            for i in 1...m {
                let (previousLow, previousLength) = (low, high - low)
                low = min(max(floorDivide(ng * i - h, mg) + 1, 0), n)
                high = min(ceilDivide(ng * i + h, mg), n + 1)
                if high <= low { return 1 }
                let shift = low - previousLow
                var below = low == 0 ? 0.0 : 1.0
                for offset in 0..<(high - low) {
                    let j = offset + low
                    below = (values[offset + shift] * Double(i) + below * Double(j)) / Double(i + j)
                    values[offset] = below
                }
                for offset in (high - low)..<max(previousLength, high - low) { values[offset] = 1 }
            }
            return values[high - low - 1]
        }
    }

    /// P(D+_{n,n} ≥ h/n) = C(2n, n − h) / C(2n, n), as a product of ratios.
    static func crossingDiagonal(n: Int, h: Int) -> Double {
        (0..<h).reduce(1.0) { $0 * (Double(n - $1) / (Double(n) + Double($1) + 1)) }
    }

    /// P(D+_{m,n} ≥ h/lcm): paths that touch the line ng·x − mg·y = h, with m ≥ n; nil when
    /// C(m + n, n) overflows a double, where SciPy's path count fails and it goes asymptotic.
    static func crossingLine(_ a: Int, _ b: Int, gcd g: Int, h: Int) -> Double? {
        let (m, n) = (max(a, b), min(a, b))
        let logPaths = lgamma(Double(m + n + 1)) - lgamma(Double(m + 1)) - lgamma(Double(n + 1))
        guard logPaths <= log(Double.greatestFiniteMagnitude) else { return nil }
        let (mg, ng) = (m / g, n / g)
        var column = [Double](repeating: 0, count: n + 1)  // (0, j) has touched nothing
        return column.withUnsafeMutableBufferPointer { values -> Double in
            for i in 1...m {
                // Points (i, j) with j below `low` lie on or past the line: fraction 1.
                let low = max(floorDivide(ng * i - h, mg) + 1, 0)
                if low > n { return 1 }
                var below = low > 0 ? 1.0 : 0.0
                for j in low...n {
                    below = (Double(i) * values[j] + Double(j) * below) / Double(i + j)
                    values[j] = below
                }
            }
            return values[n]
        }
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func ceilDivide(_ a: Int, _ b: Int) -> Int {
        -floorDivide(-a, b)
    }
}
