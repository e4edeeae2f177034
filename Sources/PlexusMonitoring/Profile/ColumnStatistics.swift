import PlexusStats

/// One column's statistics with every figure under its own name, as the API and dashboard show
/// them: the pandas `describe()` figures plus skewness, kurtosis, a histogram and the top categories.
public struct ColumnStatistics: Sendable, Codable, Equatable {
    /// The column's name.
    public let name: String
    /// The type its values were read as.
    public let type: ColumnType
    /// Cells holding a value of the type.
    public let count: Int
    /// Cells holding no value.
    public let missing: Int
    /// Distinct values among those present.
    public let distinct: Int
    /// Cells whose value does not fit the type.
    public let mismatched: Int
    /// Mean (for text, of lengths in characters; for date-times, in seconds since 1970).
    public let mean: Double?
    /// Sample standard deviation (ddof 1).
    public let std: Double?
    /// Smallest value.
    public let min: Double?
    /// Quantiles by linear interpolation.
    public let p1: Double?, p5: Double?, p25: Double?, p50: Double?, p75: Double?, p95: Double?, p99: Double?
    /// Largest value.
    public let max: Double?
    /// Adjusted Fisher–Pearson skewness, as pandas.
    public let skewness: Double?
    /// Excess kurtosis, as pandas.
    public let kurtosis: Double?
    /// Counts over Sturges' bins of the range.
    public let histogram: Histogram?
    /// The 20 most frequent values, most frequent first.
    public let top: [CategoryCount]

    /// The named figures of a column's profile.
    public init(_ profile: ColumnProfile) {
        name = profile.name
        type = profile.type
        count = profile.count
        missing = profile.missing
        distinct = profile.distinct
        mismatched = profile.mismatched
        let summary = profile.numeric
        mean = summary?.moments.mean
        std = summary?.moments.standardDeviation
        min = summary?.minimum
        max = summary?.maximum
        p1 = summary?.quantile(0.01)
        p5 = summary?.quantile(0.05)
        p25 = summary?.quantile(0.25)
        p50 = summary?.quantile(0.5)
        p75 = summary?.quantile(0.75)
        p95 = summary?.quantile(0.95)
        p99 = summary?.quantile(0.99)
        skewness = summary?.moments.skewness
        kurtosis = summary?.moments.kurtosis
        histogram = summary?.histogram
        top = profile.top
    }
}
