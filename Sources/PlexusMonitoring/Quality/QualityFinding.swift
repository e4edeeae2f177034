/// One problem found in a dataset, with enough detail to find and fix it.
public struct QualityFinding: Sendable, Codable, Equatable {
    /// How much the problem matters.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// Worth knowing; often fine.
        case info
        /// Likely to distort statistics or models.
        case warning
        /// Makes the data unfit for its use until fixed.
        case error

        /// The weight of the severity in the quality score.
        public var weight: Double {
            switch self {
            case .info: 0.1
            case .warning: 0.5
            case .error: 1
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The kinds of problem looked for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case missingValues = "missing_values"
        case duplicateRows = "duplicate_rows"
        case constantColumn = "constant_column"
        case nearConstantColumn = "near_constant_column"
        case highCardinality = "high_cardinality"
        case outliersIQR = "outliers_iqr"
        case outliersZScore = "outliers_zscore"
        case mixedTypes = "mixed_types"
        case unreadableRows = "unreadable_rows"
        case missingColumn = "missing_column"
        case mistypedColumn = "mistyped_column"
    }

    /// What was found.
    public let kind: Kind
    /// How much it matters.
    public let severity: Severity
    /// The column, or nil for findings about whole rows.
    public let column: String?
    /// How many cells, rows or columns are affected.
    public let count: Int
    /// The first affected 0-based rows (or file lines, for unreadable rows), with their values where useful.
    public let examples: [CellExample]
    /// What was found and what to do about it.
    public let message: String
    /// The share of the dataset the finding affects (0–1), which the quality score weighs.
    public let share: Double
}
