/// The mean, spread and shape of a sample, with pandas' conventions: the standard deviation
/// with ddof 1, and skewness and excess kurtosis with the bias corrections of `Series.skew()`
/// and `Series.kurt()`.
public struct Moments: Sendable, Equatable, Codable {
    /// The number of observations.
    public let count: Int
    /// The arithmetic mean; nil when empty.
    public let mean: Double?
    /// The sample variance (ddof 1); nil below 2 observations.
    public let variance: Double?
    /// The population variance (ddof 0); nil when empty.
    public let populationVariance: Double?
    /// The adjusted Fisher–Pearson skewness G1; nil below 3 observations, 0 for a constant sample.
    public let skewness: Double?
    /// The bias-corrected excess kurtosis G2; nil below 4 observations, 0 for a constant sample.
    public let kurtosis: Double?

    /// The sample standard deviation (ddof 1).
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// The population standard deviation (ddof 0, NumPy's `std` default).
    public var populationStandardDeviation: Double? { populationVariance.map { $0.squareRoot() } }

    /// Computes every moment in two passes over `values` (which must be finite).
    public init(_ values: [Double]) {
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        var central = CentralSums(mean: values.isEmpty ? 0 : sum.value / Double(values.count))
        for value in values { central.add(value) }
        self.init(count: values.count, central)
    }

    /// The moments of `count` values whose sums of powers about their mean are `central`.
    init(count: Int, _ central: CentralSums) {
        self.count = count
        guard count > 0 else {
            (mean, variance, populationVariance, skewness, kurtosis) = (nil, nil, nil, nil, nil)
            return
        }
        let n = Double(count)
        var (m2, m3, m4) = (central.m2, central.m3, central.m4)
        // pandas treats sums of powers below 1e-14 as rounding noise, so a constant sample has
        // zero spread and zero skewness and kurtosis rather than noise divided by noise.
        if abs(m2) < 1e-14 { m2 = 0 }
        if abs(m3) < 1e-14 { m3 = 0 }
        if abs(m4) < 1e-14 { m4 = 0 }
        mean = central.mean
        populationVariance = m2 / n
        variance = count > 1 ? m2 / (n - 1) : nil
        if count < 3 {
            skewness = nil
        } else {
            skewness = m2 == 0 ? 0 : n * (n - 1).squareRoot() / (n - 2) * (m3 / (m2 * m2.squareRoot()))
        }
        if count < 4 {
            kurtosis = nil
        } else {
            let denominator = (n - 2) * (n - 3) * m2 * m2
            let adjustment = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
            kurtosis = denominator == 0 ? 0 : n * (n + 1) * (n - 1) * m4 / denominator - adjustment
        }
    }
}

/// A running sum with Neumaier's compensation: the rounding error of each addition is carried
/// and added back at the end, so the total is as exact as one rounding whatever the count or
/// order. Values can therefore be summed as they stream past, in any order, with one result.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    /// Adds `value`.
    mutating func add(_ value: Double) {
        let next = sum + value
        compensation += abs(sum) >= abs(value) ? (sum - next) + value : (value - next) + sum
        sum = next
    }

    /// The sum so far.
    var value: Double { sum + compensation }
}

/// Sums of the second, third and fourth powers of deviations from a known mean.
struct CentralSums {
    let mean: Double
    private(set) var m2 = 0.0
    private(set) var m3 = 0.0
    private(set) var m4 = 0.0

    init(mean: Double) {
        self.mean = mean
    }

    /// Adds `value`'s deviation.
    mutating func add(_ value: Double) {
        let deviation = value - mean, squared = deviation * deviation
        m2 += squared
        m3 += squared * deviation
        m4 += squared * squared
    }
}
