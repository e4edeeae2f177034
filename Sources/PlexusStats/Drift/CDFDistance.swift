/// Distances between the empirical distributions of two numeric samples, from the gap between
/// their CDFs, as SciPy computes them.
public enum CDFDistance {
    /// The first Wasserstein (earth mover's) distance, ∫ |F − G| (`scipy.stats.wasserstein_distance`).
    public static func wasserstein(_ reference: SortedSample, _ current: SortedSample) throws(StatisticsError) -> Double {
        try integrate(reference, current) { abs($0) }
    }

    /// Evidently's normed Wasserstein distance: the distance divided by the reference's population
    /// standard deviation, or by 0.001 when that is smaller.
    public static func normedWasserstein(_ reference: SortedSample, _ current: SortedSample) throws(StatisticsError) -> Double {
        let spread = Moments(reference.values).populationStandardDeviation ?? 0
        return try wasserstein(reference, current) / max(spread, 0.001)
    }

    /// The energy distance √2 · √(∫ (F − G)²) (`scipy.stats.energy_distance`).
    public static func energy(_ reference: SortedSample, _ current: SortedSample) throws(StatisticsError) -> Double {
        2.0.squareRoot() * (try integrate(reference, current) { $0 * $0 }).squareRoot()
    }

    /// ∫ f(F(x) − G(x)) dx over the pooled range, walking both sorted samples once.
    private static func integrate(
        _ reference: SortedSample, _ current: SortedSample, _ f: (Double) -> Double
    ) throws(StatisticsError) -> Double {
        guard reference.count > 0 else { throw .tooFewObservations(sample: "reference", needed: 1, got: 0) }
        guard current.count > 0 else { throw .tooFewObservations(sample: "current", needed: 1, got: 0) }
        let u = reference.values, v = current.values
        let nu = Double(u.count), nv = Double(v.count)
        var i = 0, j = 0, total = 0.0
        var previous = min(u[0], v[0])
        // At each pooled value x the CDFs step; between x and the next value they are flat.
        while i < u.count || j < v.count {
            let x = j == v.count || (i < u.count && u[i] <= v[j]) ? u[i] : v[j]
            if x > previous {
                total += f(Double(i) / nu - Double(j) / nv) * (x - previous)
                previous = x
            }
            while i < u.count, u[i] == x { i += 1 }
            while j < v.count, v[j] == x { j += 1 }
        }
        return total
    }
}
