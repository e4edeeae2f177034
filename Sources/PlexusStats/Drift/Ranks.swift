/// The ranks of a pooled sample, with tied values sharing the average of the positions they span,
/// as `scipy.stats.rankdata(values, method="average")` assigns them.
///
/// Rank tests (Mann–Whitney U, Cramér–von Mises, Anderson–Darling) pool their samples, rank the
/// result once and read everything they need from this value: the ranks themselves, the order
/// that sorts the pool, and the sizes of the runs of equal values for tie corrections.
/// Building one costs a single O(n log n) sort.
struct PooledRanks: Sendable {
    /// Indices into the pooled values in ascending order of value; equal values keep input order.
    let order: [Int]
    /// `ranks[i]` is the 1-based rank of value `i`; a run of t equal values starting at 1-based
    /// position p gives each of them p + (t − 1) / 2, so every rank is a multiple of ½.
    let ranks: [Double]
    /// The length of each run of equal values, in ascending order of value; they sum to the count.
    /// Run `g` covers `order[start ..< start + tieGroupSizes[g]]`, `start` being the earlier runs' total.
    let tieGroupSizes: [Int]

    /// Ranks `values`, which must all be finite (check them first with ``requireFinite(_:named:)``):
    /// NaN has no place in an order, so the result would be meaningless.
    init(_ values: [Double]) {
        // Sorting on (value, index) makes the order of equal values deterministic.
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var groups: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // Positions start + 1 ... end (1-based) share their mean.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            groups.append(end - start)
            start = end
        }
        self.order = order
        self.ranks = ranks
        self.tieGroupSizes = groups
    }

    /// The number of pooled values.
    var count: Int { ranks.count }

    /// Whether any two pooled values are equal.
    var hasTies: Bool { tieGroupSizes.count < ranks.count }

    /// Σ (t³ − t) over the runs of equal values: the amount by which ties shrink the variance of
    /// a rank sum (zero without ties).
    var tieTerm: Double {
        tieGroupSizes.reduce(0) { total, size in
            let t = Double(size)
            return total + (t * t * t - t)
        }
    }

    /// Throws ``StatisticsError/nonFiniteValue(sample:index:)`` for the first NaN or infinity in
    /// `values`. SciPy would propagate NaN into the result instead; PlexusStats refuses it up front.
    static func requireFinite(_ values: [Double], named sample: String) throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(sample: sample, index: index)
        }
    }
}
