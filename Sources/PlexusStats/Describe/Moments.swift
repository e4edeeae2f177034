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
        count = values.count
        guard count > 0 else {
            (mean, variance, populationVariance, skewness, kurtosis) = (nil, nil, nil, nil, nil)
            return
        }
        let n = Double(count)
        let mean = Moments.pairwiseSum(values[...]) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for value in values {
            let deviation = value - mean, squared = deviation * deviation
            m2 += squared
            m3 += squared * deviation
            m4 += squared * squared
        }
        // pandas treats sums of powers below 1e-14 as rounding noise, so a constant sample has
        // zero spread and zero skewness and kurtosis rather than noise divided by noise.
        if abs(m2) < 1e-14 { m2 = 0 }
        if abs(m3) < 1e-14 { m3 = 0 }
        if abs(m4) < 1e-14 { m4 = 0 }
        self.mean = mean
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

    /// A pairwise sum, as NumPy's, so rounding error grows with log n rather than n on long columns.
    static func pairwiseSum(_ values: ArraySlice<Double>) -> Double {
        if values.count <= 128 {
            var total = 0.0
            for value in values { total += value }
            return total
        }
        let middle = values.startIndex + values.count / 2
        return pairwiseSum(values[..<middle]) + pairwiseSum(values[middle...])
    }
}
