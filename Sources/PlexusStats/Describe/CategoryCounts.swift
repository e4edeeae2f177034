/// How often each category occurs in a column.
public struct CategoryCounts: Sendable, Equatable, Codable {
    /// Occurrences per category.
    public let counts: [String: Int]

    /// Counts the categories of `values`.
    public init<Values: Sequence>(_ values: Values) where Values.Element == String {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        self.counts = counts
    }

    /// Wraps counts already made.
    public init(counts: [String: Int]) {
        self.counts = counts
    }

    /// The number of observations counted.
    public var total: Int { counts.values.reduce(0, +) }

    /// The number of distinct categories.
    public var distinct: Int { counts.count }

    /// The `limit` most frequent categories, most frequent first; ties in name order, so the
    /// list is the same on every run (pandas leaves the order of ties unspecified).
    public func top(_ limit: Int = 20) -> [CategoryCount] {
        counts.map { CategoryCount(value: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            .prefix(limit).map { $0 }
    }

    /// These counts and `other`'s added together.
    public func adding(_ other: CategoryCounts) -> CategoryCounts {
        CategoryCounts(counts: counts.merging(other.counts, uniquingKeysWith: +))
    }
}

/// One category and how often it occurs.
public struct CategoryCount: Sendable, Equatable, Codable {
    /// The category.
    public let value: String
    /// Its occurrences.
    public let count: Int

    /// A category with its count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
