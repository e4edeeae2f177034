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
        self.init(count: sample.count, minimum: sample.minimum ?? 0, maximum: sample.maximum ?? 0, missing: missing) { visit in
            for value in sample.values { visit(value) }
        }
    }

    /// Summarises `count` present values spanning [`minimum`, `maximum`] that `read` passes to
    /// its argument in ascending order. `read` is called twice, so the values need not be held:
    /// they may be merged from sorted runs on disk on each call. Gives the same numbers as
    /// ``init(_:missing:)`` on the same values.
    public init<Failure: Error>(
        count: Int, minimum: Double, maximum: Double, missing: Int = 0, read: (_ visit: (Double) -> Void) throws(Failure) -> Void
    ) throws(Failure) {
        self.count = count
        self.missing = missing
        guard count > 0 else {
            (distinct, moments, self.minimum, self.maximum, quantiles, histogram) = (0, Moments([]), nil, nil, [], nil)
            return
        }
        var sum = CompensatedSum()
        try read { sum.add($0) }
        var central = CentralSums(mean: sum.value / Double(count))
        var quantiles = QuantileReader(count: count, levels: Self.quantileLevels)
        var bins = HistogramCounter(edges: Histogram.sturgesEdges(minimum: minimum, maximum: maximum, count: count))
        var distinct = 0, index = 0
        var previous = Double.nan
        try read { value in
            central.add(value)
            if value != previous { distinct += 1 }
            previous = value
            quantiles.visit(value, at: index)
            bins.add(value)
            index += 1
        }
        self.distinct = distinct
        moments = Moments(count: count, central)
        self.minimum = minimum
        self.maximum = maximum
        self.quantiles = quantiles.values
        histogram = bins.histogram
    }

    /// The quantile at `level`, when it is one of ``quantileLevels``.
    public func quantile(_ level: Double) -> Double? {
        NumericSummary.quantileLevels.firstIndex(of: level).flatMap { quantiles.indices.contains($0) ? quantiles[$0] : nil }
    }
}

/// Picks linearly interpolated quantiles out of `count` values passing in ascending order, as
/// ``SortedSample/quantile(_:)`` computes them from the whole array.
struct QuantileReader {
    private let positions: [(lower: Int, fraction: Double)]
    private var below: [Double]
    private var above: [Double]

    init(count: Int, levels: [Double]) {
        positions = levels.map { level in
            let position = Double(count - 1) * min(max(level, 0), 1)
            let lower = Int(position.rounded(.down))
            return (min(lower, count - 1), position - Double(lower))
        }
        below = Array(repeating: 0, count: levels.count)
        above = Array(repeating: 0, count: levels.count)
    }

    /// Notes the value at sorted position `index`.
    mutating func visit(_ value: Double, at index: Int) {
        for (slot, position) in positions.enumerated() {
            if index == position.lower { below[slot] = value; above[slot] = value }
            if index == position.lower + 1 { above[slot] = value }
        }
    }

    /// The quantiles, once every value has passed.
    var values: [Double] {
        positions.indices.map { slot in
            let (low, high, fraction) = (below[slot], above[slot], positions[slot].fraction)
            return fraction < 0.5 ? low + (high - low) * fraction : high - (high - low) * (1 - fraction)
        }
    }
}

/// Counts values passing in ascending order into bins, with ``Histogram``'s conventions.
struct HistogramCounter {
    private let edges: [Double]
    private var counts: [Int]
    private var bin = 0

    init(edges: [Double]) {
        self.edges = edges
        counts = Array(repeating: 0, count: edges.count - 1)
    }

    mutating func add(_ value: Double) {
        guard value >= edges[0], value <= edges[edges.count - 1] else { return }
        while bin < counts.count - 1, value >= edges[bin + 1] { bin += 1 }
        counts[bin] += 1
    }

    var histogram: Histogram { Histogram(edges: edges, counts: counts) }
}
