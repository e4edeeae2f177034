/// What a data profile shows for one numeric column: counts, moments, quantiles and a histogram,
/// each as pandas and NumPy compute it.
public struct NumericSummary: Sendable, Equatable, Codable {
    /// The quantiles every summary carries, as fractions (p1 … p99).
    public static let quantileLevels: [Double] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]

    /// Observations present.
    public let count: Int
    /// Observations missing (not counted anywhere else).
    public let missing: Int
    /// Distinct values among those present.
    public let distinct: Int
    /// Mean, standard deviation (ddof 1), skewness and kurtosis, as pandas.
    public let moments: Moments
    /// The smallest value; nil when nothing is present.
    public let minimum: Double?
    /// The largest value; nil when nothing is present.
    public let maximum: Double?
    /// The quantiles at ``quantileLevels`` by linear interpolation, in that order.
    public let quantiles: [Double]
    /// Counts over Sturges' bins of the column's range; nil when nothing is present.
    public let histogram: Histogram?

    /// Summarises the present values of a column; `missing` says how many were absent.
    public init(_ sample: SortedSample, missing: Int = 0) {
        count = sample.count
        self.missing = missing
        distinct = sample.distinctCount
        moments = Moments(sample.values)
        minimum = sample.minimum
        maximum = sample.maximum
        quantiles = sample.count == 0 ? [] : NumericSummary.quantileLevels.compactMap { sample.quantile($0) }
        histogram = Histogram(sturgesOf: sample)
    }

    /// The quantile at `level`, when it is one of ``quantileLevels``.
    public func quantile(_ level: Double) -> Double? {
        NumericSummary.quantileLevels.firstIndex(of: level).flatMap { quantiles.indices.contains($0) ? quantiles[$0] : nil }
    }
}
