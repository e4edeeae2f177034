/// A way of deciding whether one column drifted, named as Evidently names its stat tests.
///
/// Each method yields a *score*: a p-value (drift when it falls below the threshold) or a
/// distance (drift when it reaches the threshold), compared exactly as Evidently compares it.
public enum DriftMethod: String, Sendable, Codable, CaseIterable {
    /// Two-sample Kolmogorov–Smirnov, p-value; numeric.
    case ks
    /// Wasserstein distance divided by the reference's standard deviation; numeric.
    case wasserstein
    /// Jensen–Shannon distance over Evidently's bins; numeric or categorical.
    case jensenShannon = "jensenshannon"
    /// Population stability index over Evidently's bins; numeric or categorical.
    case psi
    /// Kullback–Leibler divergence over Evidently's bins; numeric or categorical.
    case klDivergence = "kl_div"
    /// Hellinger distance; numeric (over Sturges' bins of the distinct values) or categorical.
    case hellinger
    /// Chi-square goodness of fit, p-value; categorical.
    case chiSquare = "chisquare"
    /// Two-proportion Z test, p-value; binary columns.
    case z
    /// Total variation distance between category shares; categorical. (Evidently's `TVD` turns
    /// this distance into a permutation p-value; Plexus reports the distance itself.)
    case totalVariation = "tvd"
    /// Anderson–Darling k-sample, p-value (SciPy's capped significance level); numeric.
    case andersonDarling = "anderson"
    /// Cramér–von Mises two-sample, p-value; numeric.
    case cramerVonMises = "cramer_von_mises"
    /// Mann–Whitney U with Evidently's one-sided alternative ("less"), p-value; numeric.
    case mannWhitney = "mannw"
    /// Energy distance; numeric.
    case energy = "ed"

    /// The threshold Evidently uses when none is chosen.
    public var defaultThreshold: Double {
        switch self {
        case .ks, .chiSquare, .z, .mannWhitney: 0.05
        case .wasserstein, .jensenShannon, .psi, .klDivergence, .hellinger, .totalVariation,
             .andersonDarling, .cramerVonMises, .energy: 0.1
        }
    }

    /// Whether the score is a p-value (small means drift) rather than a distance (large means drift).
    public var scoreIsPValue: Bool {
        switch self {
        case .ks, .chiSquare, .z, .andersonDarling, .cramerVonMises, .mannWhitney: true
        case .wasserstein, .jensenShannon, .psi, .klDivergence, .hellinger, .totalVariation, .energy: false
        }
    }

    /// Whether the method reads a numeric column's order (rather than its values as categories).
    public var needsNumericColumn: Bool {
        switch self {
        case .ks, .wasserstein, .andersonDarling, .cramerVonMises, .mannWhitney, .energy: true
        case .jensenShannon, .psi, .klDivergence, .hellinger, .chiSquare, .z, .totalVariation: false
        }
    }

    /// Whether `score` means drift at `threshold`, with Evidently's comparison for this method
    /// (some use ≤ or >, most < or ≥).
    public func drifted(score: Double, threshold: Double) -> Bool {
        switch self {
        case .ks, .cramerVonMises: score <= threshold
        case .chiSquare, .z, .andersonDarling, .mannWhitney: score < threshold
        case .energy: score > threshold
        case .wasserstein, .jensenShannon, .psi, .klDivergence, .hellinger, .totalVariation: score >= threshold
        }
    }

    /// The method Evidently's `DataDriftPreset` picks for a column: with a reference of at most
    /// 1,000 rows, KS for numeric columns with more than five distinct values (over both samples),
    /// otherwise chi-square, or Z when there are at most two values; with a larger reference,
    /// normed Wasserstein for numeric columns with more than five values, otherwise Jensen–Shannon.
    public static func evidentlyDefault(reference: DriftColumn, current: DriftColumn) -> DriftMethod {
        let distinct = reference.distinctCount(union: current, stoppingAbove: 5)
        let isNumeric = if case .numeric = reference { true } else { false }
        if reference.count <= 1000 {
            if isNumeric, distinct > 5 { return .ks }
            return distinct > 2 ? .chiSquare : .z
        }
        return isNumeric && distinct > 5 ? .wasserstein : .jensenShannon
    }
}
