import Foundation

/// Distances between two discrete distributions given as shares over the same bins, with the
/// conventions of Evidently (which calls SciPy for KL and Jensen–Shannon).
public enum DistributionDistance {
    /// The population stability index Σ (r − c)·ln(r / c), on shares with no empty bins.
    public static func populationStability(_ reference: [Double], _ current: [Double]) -> Double {
        zip(reference, current).reduce(0) { $0 + ($1.0 - $1.1) * log($1.0 / $1.1) }
    }

    /// The Kullback–Leibler divergence of current from reference, natural log, after normalising
    /// each side to sum to 1 (`scipy.stats.entropy(reference, current)`).
    public static func kullbackLeibler(_ reference: [Double], _ current: [Double]) -> Double {
        let p = normalised(reference), q = normalised(current)
        return zip(p, q).reduce(0) { $0 + relativeEntropy($1.0, $1.1) }
    }

    /// The Jensen–Shannon distance (the square root of the divergence), natural log by default
    /// as Evidently; pass `base: 2` for NannyML's convention (`scipy.spatial.distance.jensenshannon`).
    public static func jensenShannon(_ reference: [Double], _ current: [Double], base: Double? = nil) -> Double {
        let p = normalised(reference), q = normalised(current)
        var divergence = 0.0
        for (a, b) in zip(p, q) {
            let middle = (a + b) / 2
            divergence += relativeEntropy(a, middle) + relativeEntropy(b, middle)
        }
        if let base { divergence /= log(base) }
        return (divergence / 2).squareRoot()
    }

    /// The total variation distance ½ Σ |r − c| between two sets of counts or shares, each normalised.
    public static func totalVariation(_ reference: [Double], _ current: [Double]) -> Double {
        zip(normalised(reference), normalised(current)).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }

    /// The Hellinger distance √(1 − Σ √(p·q)) between two sets of shares, the sum clipped to [0, 1].
    public static func hellinger(_ reference: [Double], _ current: [Double]) -> Double {
        let affinity = zip(reference, current).reduce(0) { $0 + ($1.0 * $1.1).squareRoot() }
        return (1 - min(max(affinity, 0), 1)).squareRoot()
    }

    /// SciPy's `rel_entr`: x·ln(x / y), 0 when x is 0, infinite when only y is 0.
    static func relativeEntropy(_ x: Double, _ y: Double) -> Double {
        if x == 0, y >= 0 { return 0 }
        if x > 0, y > 0 { return x * log(x / y) }
        return .infinity
    }

    static func normalised(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        return values.map { $0 / total }
    }
}
