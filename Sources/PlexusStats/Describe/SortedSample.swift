/// A numeric sample sorted once, so quantiles, empirical CDFs and two-sample distances read it
/// without sorting again; a reference window is stored in this form.
public struct SortedSample: Sendable, Equatable, Codable {
    /// The observations in ascending order; never NaN or infinite.
    public let values: [Double]

    /// Sorts `values`, refusing NaN and infinities (drop missing values first).
    public init(_ values: [Double], name: String = "input") throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(sample: name, index: index)
        }
        self.values = RadixSort.sorted(values)
    }

    /// Wraps values that are already sorted and finite (checked in debug builds).
    public init(alreadySorted values: [Double]) {
        assert(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "values must be sorted")
        self.values = values
    }

    /// The number of observations.
    public var count: Int { values.count }

    /// The smallest observation, or nil when empty.
    public var minimum: Double? { values.first }

    /// The largest observation, or nil when empty.
    public var maximum: Double? { values.last }

    /// The `q`-quantile (0 ≤ q ≤ 1) by linear interpolation between the closest ranks, as
    /// NumPy's and pandas' default (`method="linear"`); nil when empty.
    public func quantile(_ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let position = Double(values.count - 1) * min(max(q, 0), 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        let below = values[lower], above = values[upper]
        // NumPy interpolates from whichever end is nearer, which keeps the result within
        // [below, above] and matches it to the last bit.
        return fraction < 0.5 ? below + (above - below) * fraction : above - (above - below) * (1 - fraction)
    }

    /// How many observations are strictly below `x` (`searchsorted(x, side="left")`).
    public func countBelow(_ x: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many observations are at or below `x` (`searchsorted(x, side="right")`).
    public func countAtOrBelow(_ x: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The number of distinct observations.
    public var distinctCount: Int { distinctCount(union: nil, stoppingAbove: .max) }

    /// Whether there are more than `limit` distinct observations, reading no further than needed.
    public func hasMoreDistinctValues(than limit: Int) -> Bool {
        distinctCount(union: nil, stoppingAbove: limit) > limit
    }

    /// The number of distinct values in this sample and `other` together, walking both once and
    /// stopping as soon as the count passes `limit`.
    public func distinctCount(union other: SortedSample?, stoppingAbove limit: Int = .max) -> Int {
        let u = values, v = other?.values ?? []
        var i = 0, j = 0, distinct = 0
        while i < u.count || j < v.count {
            let x = j == v.count || (i < u.count && u[i] <= v[j]) ? u[i] : v[j]
            distinct += 1
            if distinct > limit { return distinct }
            while i < u.count, u[i] == x { i += 1 }
            while j < v.count, v[j] == x { j += 1 }
        }
        return distinct
    }
}
