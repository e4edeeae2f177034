import Foundation

/// Counts of observations in consecutive bins, with NumPy's `histogram` conventions: bin i holds
/// edges[i] ≤ x < edges[i + 1], except the last, which also holds its right edge; values outside
/// the edges are not counted.
public struct Histogram: Sendable, Equatable, Codable {
    /// The bin edges, ascending; one more than the bins.
    public let edges: [Double]
    /// The number of observations in each bin.
    public let counts: [Int]

    /// A histogram already counted.
    init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }

    /// Counts `sample` into the bins between `edges` (at least two, ascending).
    public init(_ sample: SortedSample, edges: [Double]) {
        precondition(edges.count >= 2, "a histogram needs at least two edges")
        self.edges = edges
        var counts: [Int] = []
        counts.reserveCapacity(edges.count - 1)
        var lower = sample.countBelow(edges[0])
        for index in 1 ..< edges.count {
            let upper = index == edges.count - 1 ? sample.countAtOrBelow(edges[index]) : sample.countBelow(edges[index])
            counts.append(upper - lower)
            lower = upper
        }
        self.counts = counts
    }

    /// A histogram of `sample` over Sturges' bins of its own range (`np.histogram(x, "sturges")`);
    /// nil when the sample is empty.
    public init?(sturgesOf sample: SortedSample) {
        guard let edges = Histogram.sturgesEdges(of: sample) else { return nil }
        self.init(sample, edges: edges)
    }

    /// `np.histogram_bin_edges(x, bins="sturges")`: equal-width bins over the sample's range, as
    /// many as ⌈range / (range / (log2 n + 1))⌉, the range widened by 0.5 each way when the sample
    /// is constant; nil when the sample is empty.
    public static func sturgesEdges(of sample: SortedSample) -> [Double]? {
        guard let first = sample.minimum, let last = sample.maximum else { return nil }
        return sturgesEdges(minimum: first, maximum: last, count: sample.count)
    }

    /// Sturges' edges for `count` values spanning [minimum, maximum] (all the rule reads), so the
    /// bins of two samples together need no merged copy.
    public static func sturgesEdges(minimum: Double, maximum: Double, count: Int) -> [Double] {
        var first = minimum, last = maximum
        let range = last - first
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let width = range / (log2(Double(count)) + 1)
        let binCount = width > 0 ? Int(((last - first) / width).rounded(.up)) : 1
        return equalWidthEdges(from: first, to: last, bins: binCount)
    }

    /// `np.linspace(first, last, bins + 1)`: edge i is first + i·step, and the last edge is exactly `last`.
    public static func equalWidthEdges(from first: Double, to last: Double, bins: Int) -> [Double] {
        let step = (last - first) / Double(bins)
        var edges = (0 ... bins).map { Double($0) * step + first }
        edges[bins] = last
        return edges
    }
}
