/// How one column's drift is judged: the method and threshold (Evidently's defaults when not
/// chosen) and what else the verdict reports.
public struct ColumnDriftOptions: Sendable, Codable, Equatable {
    /// The method, or nil for the one Evidently's `DataDriftPreset` would pick.
    public var method: DriftMethod?
    /// The threshold, or nil for the method's default.
    public var threshold: Double?
    /// The logarithm base of the Jensen–Shannon distance: nil for the natural log (Evidently),
    /// 2 for NannyML's convention.
    public var jensenShannonBase: Double?
    /// A category whose share moves by more than this many percentage points is named in the
    /// verdict, whatever the method's score says.
    public var categoryShiftPoints: Double

    /// Options with every choice at its default unless given.
    public init(method: DriftMethod? = nil, threshold: Double? = nil, jensenShannonBase: Double? = nil, categoryShiftPoints: Double = 5) {
        self.method = method
        self.threshold = threshold
        self.jensenShannonBase = jensenShannonBase
        self.categoryShiftPoints = categoryShiftPoints
    }
}

/// One column's drift verdict.
public struct ColumnDriftResult: Sendable, Codable, Equatable {
    /// The method that judged the column.
    public let method: DriftMethod
    /// The method's score: a p-value or a distance (see ``DriftMethod/scoreIsPValue``).
    public let score: Double
    /// The test statistic, for methods that have one besides the score.
    public let statistic: Double?
    /// The threshold the score was compared with.
    public let threshold: Double
    /// Whether the column drifted by the method's comparison.
    public let drifted: Bool
    /// The p-value adjusted by Benjamini–Hochberg across a dataset's columns (set by ``DatasetDrift``).
    public internal(set) var adjustedPValue: Double?
    /// Observations present in the reference and the current window.
    public let referenceCount: Int, currentCount: Int
    /// The size of the change with a bootstrap interval, when one was asked for.
    public let effectSize: EffectSize?
    /// Categories whose share moved by more than the options' points, largest move first.
    public let shiftedCategories: [CategoryShift]

    /// The p-value, for methods whose score is one.
    public var pValue: Double? { method.scoreIsPValue ? score : nil }
}

/// A category's share in the reference and in the current window.
public struct CategoryShift: Sendable, Codable, Equatable {
    /// The category.
    public let category: String
    /// Its share of the reference, 0–1.
    public let referenceShare: Double
    /// Its share of the current window, 0–1.
    public let currentShare: Double

    /// The move in percentage points, positive when the category grew.
    public var points: Double { (currentShare - referenceShare) * 100 }
}

/// Judges whether a column drifted.
public enum ColumnDrift {
    /// Compares `current` with `reference` (both of one kind and non-empty) by `options`; with
    /// `bootstrap`, the verdict also carries the effect size's interval, drawn from `generator`.
    public static func detect(
        reference: DriftColumn, current: DriftColumn, options: ColumnDriftOptions = .init(),
        bootstrap: EffectSize.Bootstrap? = nil, using generator: inout some RandomNumberGenerator
    ) throws(StatisticsError) -> ColumnDriftResult {
        guard reference.count > 0 else { throw .tooFewObservations(sample: "reference", needed: 1, got: 0) }
        guard current.count > 0 else { throw .tooFewObservations(sample: "current", needed: 1, got: 0) }
        let method = options.method ?? DriftMethod.evidentlyDefault(reference: reference, current: current)
        let threshold = options.threshold ?? method.defaultThreshold
        let (score, statistic) = try self.score(method, reference, current, options)
        let effect = try bootstrap.map { settings throws(StatisticsError) in
            try EffectSize(reference: reference, current: current, bootstrap: settings, using: &generator)
        }
        return ColumnDriftResult(
            method: method, score: score, statistic: statistic, threshold: threshold,
            drifted: method.drifted(score: score, threshold: threshold), adjustedPValue: nil,
            referenceCount: reference.count, currentCount: current.count, effectSize: effect,
            shiftedCategories: shifts(reference, current, exceeding: options.categoryShiftPoints)
        )
    }

    /// The method's score and, where there is one, its statistic.
    static func score(
        _ method: DriftMethod, _ reference: DriftColumn, _ current: DriftColumn, _ options: ColumnDriftOptions
    ) throws(StatisticsError) -> (Double, Double?) {
        func numeric() throws(StatisticsError) -> (SortedSample, SortedSample) {
            guard case let .numeric(u) = reference, case let .numeric(v) = current else {
                throw .invalidParameter(
                    name: "the drift method \(method.rawValue)", value: "applied to a categorical column",
                    allowed: "used on numeric columns only; choose chisquare, z, jensenshannon, psi, kl_div, hellinger or tvd"
                )
            }
            return (u, v)
        }
        func shares(filling: Bool) -> BinnedShares {
            BinnedShares(reference: reference, current: current, fillingEmptyBins: filling)
        }
        switch method {
        case .ks:
            let (u, v) = try numeric()
            let test = try KolmogorovSmirnov.twoSample(u.values, v.values)
            return (test.pValue, test.statistic)
        case .wasserstein:
            let (u, v) = try numeric()
            return (try CDFDistance.normedWasserstein(u, v), nil)
        case .energy:
            let (u, v) = try numeric()
            return (try CDFDistance.energy(u, v), nil)
        case .andersonDarling:
            let (u, v) = try numeric()
            let test = try AndersonDarling.kSample([u.values, v.values])
            return (test.significanceLevel, test.statistic)
        case .cramerVonMises:
            let (u, v) = try numeric()
            let test = try CramerVonMises.twoSample(u.values, v.values)
            return (test.pValue, test.statistic)
        case .mannWhitney:
            let (u, v) = try numeric()
            let test = try MannWhitneyU.test(u.values, v.values, alternative: .less)
            return (test.pValue, test.statistic)
        case .jensenShannon:
            let binned = shares(filling: false)
            return (DistributionDistance.jensenShannon(binned.reference, binned.current, base: options.jensenShannonBase), nil)
        case .psi:
            let binned = shares(filling: true)
            return (DistributionDistance.populationStability(binned.reference, binned.current), nil)
        case .klDivergence:
            let binned = shares(filling: true)
            return (DistributionDistance.kullbackLeibler(binned.reference, binned.current), nil)
        case .hellinger:
            let (p, q) = hellingerShares(reference, current)
            return (DistributionDistance.hellinger(p, q), nil)
        case .chiSquare:
            let test = try CategoricalTests.chiSquare(reference: reference.valueCounts, current: current.valueCounts)
            return (test.pValue, test.statistic)
        case .z:
            let test = try CategoricalTests.proportionZ(reference: reference.valueCounts, current: current.valueCounts)
            return (test.pValue, test.statistic)
        case .totalVariation:
            let (p, q) = valueShares(reference.valueCounts, current.valueCounts)
            return (DistributionDistance.totalVariation(p, q), nil)
        }
    }

    /// Evidently's Hellinger shares: a numeric column over Sturges' bins of the distinct values on
    /// either side, a categorical one over its categories.
    static func hellingerShares(_ reference: DriftColumn, _ current: DriftColumn) -> ([Double], [Double]) {
        guard case let .numeric(u) = reference, case let .numeric(v) = current,
              let low = u.minimum, let high = u.maximum, let otherLow = v.minimum, let otherHigh = v.maximum
        else { return valueShares(reference.valueCounts, current.valueCounts) }
        let edges = Histogram.sturgesEdges(
            minimum: min(low, otherLow), maximum: max(high, otherHigh), count: u.distinctCount(union: v)
        )
        let p = Histogram(u, edges: edges).counts, q = Histogram(v, edges: edges).counts
        return (p.map { Double($0) / Double(u.count) }, q.map { Double($0) / Double(v.count) })
    }

    /// Each category's share on each side, over the categories of both, in name order.
    static func valueShares(_ reference: CategoryCounts, _ current: CategoryCounts) -> ([Double], [Double]) {
        let keys = Set(reference.counts.keys).union(current.counts.keys).sorted()
        let referenceTotal = Double(reference.total), currentTotal = Double(current.total)
        return (keys.map { Double(reference.counts[$0, default: 0]) / referenceTotal },
                keys.map { Double(current.counts[$0, default: 0]) / currentTotal })
    }

    /// The categories of a categorical column whose share moved by more than `points`.
    static func shifts(_ reference: DriftColumn, _ current: DriftColumn, exceeding points: Double) -> [CategoryShift] {
        guard case let .categorical(referenceCounts) = reference, case let .categorical(currentCounts) = current else { return [] }
        let referenceTotal = Double(referenceCounts.total), currentTotal = Double(currentCounts.total)
        return Set(referenceCounts.counts.keys).union(currentCounts.counts.keys)
            .map { CategoryShift(category: $0, referenceShare: Double(referenceCounts.counts[$0, default: 0]) / referenceTotal,
                                 currentShare: Double(currentCounts.counts[$0, default: 0]) / currentTotal) }
            .filter { abs($0.points) > points }
            .sorted { abs($0.points) != abs($1.points) ? abs($0.points) > abs($1.points) : $0.category < $1.category }
    }
}
