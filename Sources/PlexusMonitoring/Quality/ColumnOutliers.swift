import PlexusCore
import PlexusStats

/// A numeric column's outliers, by the interquartile rule (outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR])
/// and by z-score (more than 3 standard deviations from the mean). The counts come from the
/// column's sorted values; the examples, the first outliers in row order, from a scan of the
/// column that stops as soon as it has found them.
public struct ColumnOutliers: Sendable {
    /// Examples kept of each kind.
    public static let examplesKept = 5

    /// Values outside this range are IQR outliers.
    public let iqrBounds: (low: Double, high: Double)
    /// The mean and standard deviation z-scores are taken against; nil when the spread is 0.
    public let zBasis: (mean: Double, deviation: Double)?
    /// How many values are IQR outliers.
    public private(set) var iqrCount = 0
    /// How many values are z-score outliers.
    public private(set) var zCount = 0
    /// The first IQR outliers, with their rows.
    public private(set) var iqrExamples: [CellExample] = []
    /// The first z-score outliers, with their rows.
    public private(set) var zExamples: [CellExample] = []

    /// The outlier rules for a column summarised as `summary`; nil when it has no quartiles.
    public init?(_ summary: NumericSummary) {
        guard let q1 = summary.quantile(0.25), let q3 = summary.quantile(0.75) else { return nil }
        let spread = q3 - q1
        iqrBounds = (q1 - 1.5 * spread, q3 + 1.5 * spread)
        if let mean = summary.moments.mean, let deviation = summary.moments.standardDeviation, deviation > 0 {
            zBasis = (mean, deviation)
        } else {
            zBasis = nil
        }
    }

    func isIQROutlier(_ value: Double) -> Bool { value < iqrBounds.low || value > iqrBounds.high }

    func isZOutlier(_ value: Double) -> Bool {
        guard let zBasis else { return false }
        return abs(value - zBasis.mean) / zBasis.deviation > 3
    }

    /// Counts `value` (the columns' values pass here once each, in any order).
    public mutating func count(_ value: Double) {
        if isIQROutlier(value) { iqrCount += 1 }
        if isZOutlier(value) { zCount += 1 }
    }

    /// Whether the scan in row order still has examples to find.
    public var wantsExamples: Bool {
        iqrExamples.count < min(Self.examplesKept, iqrCount) || zExamples.count < min(Self.examplesKept, zCount)
    }

    /// Notes `value`, at 0-based `row`, as an example if it is an outlier not yet shown; call in row order.
    public mutating func scan(_ value: Double, row: Int) {
        if iqrExamples.count < Self.examplesKept, isIQROutlier(value) { iqrExamples.append(CellExample(row: row, value: value.plainText)) }
        if zExamples.count < Self.examplesKept, isZOutlier(value) { zExamples.append(CellExample(row: row, value: value.plainText)) }
    }
}
