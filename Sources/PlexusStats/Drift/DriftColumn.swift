/// One column's present values, in the form the drift tests read: numeric columns sorted,
/// categorical columns counted. A stored reference keeps exactly this, so checking a window
/// never re-reads the reference rows.
public enum DriftColumn: Sendable, Equatable, Codable {
    /// A numeric column.
    case numeric(SortedSample)
    /// A categorical column.
    case categorical(CategoryCounts)

    /// The number of observations.
    public var count: Int {
        switch self {
        case let .numeric(sample): sample.count
        case let .categorical(counts): counts.total
        }
    }

    /// Occurrences per distinct value: categories as they are, numbers by their decimal form
    /// (so the value-based tests treat a numeric column with few values as categories).
    public var valueCounts: CategoryCounts {
        switch self {
        case let .categorical(counts):
            return counts
        case let .numeric(sample):
            var counts: [String: Int] = [:]
            var index = 0
            let values = sample.values
            while index < values.count {
                var end = index + 1
                while end < values.count, values[end] == values[index] { end += 1 }
                // -0.0 and 0.0 are one value, as pandas counts them.
                counts[DriftColumn.key(values[index] == 0 ? 0 : values[index])] = end - index
                index = end
            }
            return CategoryCounts(counts: counts)
        }
    }

    /// The number of distinct values.
    public var distinctCount: Int {
        switch self {
        case let .numeric(sample): sample.distinctCount
        case let .categorical(counts): counts.distinct
        }
    }

    /// The number of distinct values on either side, counting no further than just past `limit`.
    public func distinctCount(union other: DriftColumn, stoppingAbove limit: Int = .max) -> Int {
        switch (self, other) {
        case let (.numeric(a), .numeric(b)):
            return a.distinctCount(union: b, stoppingAbove: limit)
        default:
            return Set(valueCounts.counts.keys).union(other.valueCounts.counts.keys).count
        }
    }

    /// The key a numeric value is counted under.
    static func key(_ value: Double) -> String { "\(value)" }
}
