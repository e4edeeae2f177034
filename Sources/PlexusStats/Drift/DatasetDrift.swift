/// Drift across the columns of a dataset: each column judged alone, p-values adjusted by
/// Benjamini–Hochberg across the columns that have one, and the dataset said to drift when the
/// share of drifted columns reaches a threshold (Evidently's `drift_share`, default 0.5).
public struct DatasetDrift: Sendable, Codable, Equatable {
    /// A column's name and verdict.
    public struct Column: Sendable, Codable, Equatable {
        /// The column's name.
        public let name: String
        /// Its verdict.
        public let result: ColumnDriftResult
    }

    /// The verdicts in the order the columns were given.
    public let columns: [Column]
    /// How many columns drifted.
    public let driftedCount: Int
    /// driftedCount ÷ the number of columns (0 when there are none).
    public let share: Double
    /// The share at which the dataset counts as drifted.
    public let driftShare: Double
    /// Whether share ≥ driftShare.
    public let drifted: Bool

    /// Judges each named pair of columns with its options (or `defaults`).
    public init(
        columns: [(name: String, reference: DriftColumn, current: DriftColumn)],
        options: [String: ColumnDriftOptions] = [:], defaults: ColumnDriftOptions = .init(),
        driftShare: Double = 0.5, bootstrap: EffectSize.Bootstrap? = nil,
        using generator: inout some RandomNumberGenerator
    ) throws(StatisticsError) {
        guard driftShare > 0, driftShare <= 1 else {
            throw .invalidParameter(name: "driftShare", value: "\(driftShare)", allowed: "in (0, 1], such as 0.5")
        }
        var results: [ColumnDriftResult] = []
        for column in columns {
            results.append(try ColumnDrift.detect(
                reference: column.reference, current: column.current, options: options[column.name] ?? defaults,
                bootstrap: bootstrap, using: &generator
            ))
        }
        let tested = results.indices.filter { results[$0].pValue != nil }
        for (index, adjusted) in zip(tested, BenjaminiHochberg.adjust(tested.map { results[$0].pValue ?? 1 })) {
            results[index].adjustedPValue = adjusted
        }
        self.columns = zip(columns, results).map { Column(name: $0.name, result: $1) }
        driftedCount = results.filter(\.drifted).count
        share = results.isEmpty ? 0 : Double(driftedCount) / Double(results.count)
        self.driftShare = driftShare
        drifted = !results.isEmpty && share >= driftShare
    }
}

/// The Benjamini–Hochberg step-up adjustment of p-values, controlling the false discovery rate
/// across many tests (statsmodels' `multipletests(method="fdr_bh")`).
public enum BenjaminiHochberg {
    /// Each p-value multiplied by m ÷ its rank, made monotone from the largest down and capped
    /// at 1, returned in the input's order.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = running
        }
        return adjusted
    }
}
