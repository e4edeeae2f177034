import Foundation
import PlexusCore
import PlexusStats

/// A dataset's quality findings and its overall score.
///
/// The score is 100 × (1 − Σ weight × share), at least 0, over every finding: the weight is 1 for
/// an error, 0.5 for a warning and 0.1 for information, and the share is the part of the dataset
/// the finding touches — affected cells ÷ all cells for cell-level findings (missing values,
/// outliers, mixed types), duplicate or unreadable rows ÷ all rows, and 1 ÷ the number of columns
/// for a whole column (constant, near-constant, high cardinality, missing or mistyped). A clean
/// dataset scores 100; one whose cells are all missing scores 0.
public struct QualityReport: Sendable, Codable, Equatable {
    /// Findings, most severe first.
    public let findings: [QualityFinding]
    /// The overall score, 0–100.
    public let score: Double

    /// A categorical column with more distinct values than this is flagged as high-cardinality.
    public static let highCardinalityLimit = 100
    /// A column whose most common value covers at least this share of its values is near-constant.
    public static let nearConstantShare = 0.95

    /// Checks a profiled dataset; `columns` are its columns as read, and `expected` names the
    /// columns and types a model or scorecard needs, when there is one.
    public init(summary: DatasetSummary, columns: [ProfiledColumn], expected: [String: ColumnType] = [:]) {
        var found = Self.datasetFindings(summary)
        for column in columns {
            found += Self.columnFindings(column.profile, outliers: column.outliers, summary: summary)
        }
        let profiles = columns.map(\.profile)
        found += Self.schemaFindings(profiles, expected: expected)
        self.init(findings: found)
    }

    /// A report of findings made one column at a time (as an upload does, so no more than one
    /// column's values is ever in memory): sorted most severe first, and scored.
    public init(findings found: [QualityFinding]) {
        findings = found.sorted { $0.severity != $1.severity ? $0.severity > $1.severity : ($0.column ?? "", $0.kind.rawValue) < ($1.column ?? "", $1.kind.rawValue) }
        score = max(0, 100 * (1 - found.reduce(0) { $0 + $1.severity.weight * $1.share }))
    }

    /// Findings about whole rows: unreadable records and duplicates.
    public static func datasetFindings(_ summary: DatasetSummary) -> [QualityFinding] {
        let rows = max(summary.rowCount, 1)
        var found: [QualityFinding] = []
        if summary.badRowCount > 0 {
            found.append(finding(.unreadableRows, .error, nil, summary.badRowCount,
                summary.badRows.prefix(5).map { CellExample(row: $0.line, value: $0.message) },
                share: Double(summary.badRowCount) / Double(rows + summary.badRowCount),
                "\(summary.badRowCount) record\(summary.badRowCount == 1 ? "" : "s") could not be read and \(summary.badRowCount == 1 ? "was" : "were") not stored (examples give file lines); fix them in the file and upload it again."))
        }
        if summary.duplicateRowCount > 0 {
            found.append(finding(.duplicateRows, .warning, nil, summary.duplicateRowCount,
                summary.duplicateExamples.prefix(5).map { CellExample(row: $0.row, value: "repeats row \($0.firstRow)") },
                share: Double(summary.duplicateRowCount) / Double(rows),
                "\(summary.duplicateRowCount) row\(summary.duplicateRowCount == 1 ? " repeats" : "s repeat") an earlier row exactly; drop the duplicates unless repeated rows are real events."))
        }
        return found
    }

    /// Findings about one column: missing values, mixed types, constant or near-constant values,
    /// high cardinality and, from `outliers` (integer and float columns), outliers.
    public static func columnFindings(_ profile: ColumnProfile, outliers: ColumnOutliers?, summary: DatasetSummary) -> [QualityFinding] {
        var found: [QualityFinding] = []
        check(profile, outliers: outliers, rows: max(summary.rowCount, 1), columns: max(summary.columns.count, 1)) { kind, severity, column, count, examples, share, message in
            found.append(finding(kind, severity, column, count, examples, share: share, message))
        }
        return found
    }

    /// Findings about the columns an input schema needs (`expected`): missing or mistyped ones.
    public static func schemaFindings(_ profiles: [ColumnProfile], expected: [String: ColumnType]) -> [QualityFinding] {
        let columns = Double(max(profiles.count, 1))
        var found: [QualityFinding] = []
        for (name, type) in expected.sorted(by: { $0.key < $1.key }) {
            guard let profile = profiles.first(where: { $0.name == name }) else {
                found.append(finding(.missingColumn, .error, name, 1, [], share: 1 / columns,
                    "The input schema needs a column '\(name)' (\(type.rawValue)), which the dataset lacks; add it or map another column to it."))
                continue
            }
            if !compatible(profile.type, with: type) {
                found.append(finding(.mistypedColumn, .error, name, 1, [], share: 1 / columns,
                    "The input schema needs '\(name)' as \(type.rawValue), but it reads as \(profile.type.rawValue); convert the column or upload with schema={\"\(name)\":\"\(type.rawValue)\"} if it is \(type.rawValue)."))
            }
        }
        return found
    }

    private static func finding(
        _ kind: QualityFinding.Kind, _ severity: QualityFinding.Severity, _ column: String?, _ count: Int, _ examples: [CellExample], share: Double, _ message: String
    ) -> QualityFinding {
        QualityFinding(kind: kind, severity: severity, column: column, count: count, examples: examples, message: message, share: min(share, 1))
    }

    /// Whether a column of type `actual` can feed an input that expects `expected`.
    static func compatible(_ actual: ColumnType, with expected: ColumnType) -> Bool {
        actual == expected || (actual == .integer && expected == .float) || (expected == .text && actual == .categorical)
            || (expected == .categorical && actual == .boolean)
    }

    private static func check(
        _ profile: ColumnProfile, outliers: ColumnOutliers?, rows: Int, columns: Int,
        _ add: (QualityFinding.Kind, QualityFinding.Severity, String?, Int, [CellExample], Double, String) -> Void
    ) {
        let name = profile.name
        let cells = Double(rows * columns)
        if profile.missing > 0 {
            let share = Double(profile.missing) / Double(rows)
            let severity: QualityFinding.Severity = share > 0.5 ? .error : share > 0.05 ? .warning : .info
            add(.missingValues, severity, name, profile.missing, profile.missingExamples.map { CellExample(row: $0, value: "") },
                Double(profile.missing) / cells,
                "'\(name)' has no value in \(profile.missing) of \(rows) rows (\(percent(share))); fill them, or drop the column if it is mostly empty.")
        }
        if profile.mismatched > 0 {
            add(.mixedTypes, .warning, name, profile.mismatched, profile.mismatchExamples, Double(profile.mismatched) / cells,
                "\(profile.mismatched) value\(profile.mismatched == 1 ? "" : "s") in '\(name)' \(profile.mismatched == 1 ? "is" : "are") not \(profile.type.rawValue) and \(profile.mismatched == 1 ? "was" : "were") left out of its statistics; correct them, or upload with a schema override if the column is really text.")
        }
        let present = profile.count
        if present > 1, profile.distinct == 1 {
            add(.constantColumn, .warning, name, 1, [], 1 / Double(columns),
                "'\(name)' holds one value in every row; it carries no information, so drop it.")
        } else if present > 1, let top = profile.top.first, Double(top.count) / Double(present) >= nearConstantShare {
            add(.nearConstantColumn, .info, name, present - top.count, [], 1 / Double(columns) / 2,
                "'\(name)' is '\(top.value)' in \(percent(Double(top.count) / Double(present))) of rows; it will tell models little and its drift tests have few other values to compare.")
        }
        if profile.type == .categorical, profile.distinct > highCardinalityLimit {
            add(.highCardinality, .warning, name, profile.distinct, [], 1 / Double(columns),
                "'\(name)' has \(profile.distinct) distinct categories; group the rare ones into 'other', or read the column as text.")
        }
        guard let outliers else { return }
        if outliers.iqrCount > 0 {
            let (low, high) = outliers.iqrBounds, count = outliers.iqrCount
            add(.outliersIQR, .info, name, count, outliers.iqrExamples, Double(count) / cells,
                "\(count) value\(count == 1 ? "" : "s") in '\(name)' \(count == 1 ? "lies" : "lie") outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR] = [\(low), \(high)]; check whether they are errors or real extremes.")
        }
        if outliers.zCount > 0, let basis = outliers.zBasis {
            let (mean, deviation, count) = (basis.mean, basis.deviation, outliers.zCount)
            add(.outliersZScore, .info, name, count, outliers.zExamples, Double(count) / cells,
                "\(count) value\(count == 1 ? "" : "s") in '\(name)' \(count == 1 ? "is" : "are") more than 3 standard deviations from the mean (\(mean) ± 3 × \(deviation)); check them before trusting the mean.")
        }
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }
}
