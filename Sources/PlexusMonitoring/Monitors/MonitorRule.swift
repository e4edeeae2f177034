import Foundation
import PlexusCore

/// When a monitor raises an alert.
///
/// JSON, by `type`:
/// - `{"type": "drift_share", "atLeast": 0.5}`: the share of drifted columns reaches the value
///   (the monitor's `drift.share` when left out);
/// - `{"type": "column_drift", "column": "plan"}`: that column drifts;
/// - `{"type": "metric_threshold", "column": "latency", "statistic": "mean", "above": 250}` (or
///   `"below"`): a statistic of the current window crosses a value;
/// - `{"type": "metric_change", "column": "latency", "statistic": "p95", "percent": 20}`: a
///   statistic moves by more than that many percent from the reference.
public enum MonitorRule: Sendable, Hashable, Codable {
    /// The data set's share of drifted columns reaches `atLeast` (the monitor's drift share when nil).
    case driftShare(atLeast: Double?)
    /// The named column drifts.
    case columnDrift(column: String)
    /// A statistic of the current window is above or below a value.
    case metricThreshold(MetricSpec, above: Double?, below: Double?)
    /// A statistic moves from the reference by more than `percent` percent.
    case metricChange(MetricSpec, percent: Double)

    private enum CodingKeys: String, CodingKey { case type, atLeast, column, statistic, category, above, below, percent }

    /// The rule types, as written in `type`.
    public static let types = ["drift_share", "column_drift", "metric_threshold", "metric_change"]

    /// The members each rule type reads besides `type`.
    static let members: [String: [String]] = [
        "drift_share": ["atLeast"], "column_drift": ["column"],
        "metric_threshold": ["column", "statistic", "category", "above", "below"], "metric_change": ["column", "statistic", "category", "percent"],
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let given = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { $0 != "type" }
        if let allowed = Self.members[type], let foreign = given.sorted().first(where: { !allowed.contains($0) }) {
            throw DomainError.invalid(field: FieldPath.text(decoder.codingPath + [AnyKey(foreign)]), message: Self.foreignMemberMessage(foreign, type: type))
        }
        switch type {
        case "drift_share": self = .driftShare(atLeast: try container.decodeIfPresent(Double.self, forKey: .atLeast))
        case "column_drift": self = .columnDrift(column: try container.decode(String.self, forKey: .column))
        case "metric_threshold":
            self = .metricThreshold(try MetricSpec(from: decoder), above: try container.decodeIfPresent(Double.self, forKey: .above),
                                    below: try container.decodeIfPresent(Double.self, forKey: .below))
        case "metric_change": self = .metricChange(try MetricSpec(from: decoder), percent: try container.decode(Double.self, forKey: .percent))
        default:
            throw DomainError.invalid(field: FieldPath.text(decoder.codingPath + [AnyKey("type")]), message: Self.unknownTypeMessage(type))
        }
    }

    /// Why `type` is not a rule type, and what the types are.
    static func unknownTypeMessage(_ type: String) -> String {
        let hint = FieldSuggestion.closest(to: type, in: types).map { " Did you mean '\($0)'?" } ?? ""
        return "'\(type)' is not a rule type; the types are \(types.joined(separator: ", ")).\(hint)"
    }

    /// Why a rule of `type` does not take member `name`.
    static func foreignMemberMessage(_ name: String, type: String) -> String {
        "A \(type) rule does not read \(name); it reads \((members[type] ?? []).sorted().joined(separator: ", "))."
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .driftShare(atLeast):
            try container.encode("drift_share", forKey: .type)
            try container.encodeIfPresent(atLeast, forKey: .atLeast)
        case let .columnDrift(column):
            try container.encode("column_drift", forKey: .type)
            try container.encode(column, forKey: .column)
        case let .metricThreshold(metric, above, below):
            try container.encode("metric_threshold", forKey: .type)
            try metric.encode(to: encoder)
            try container.encodeIfPresent(above, forKey: .above)
            try container.encodeIfPresent(below, forKey: .below)
        case let .metricChange(metric, percent):
            try container.encode("metric_change", forKey: .type)
            try metric.encode(to: encoder)
            try container.encode(percent, forKey: .percent)
        }
    }

    /// A stable name for the rule, which identifies its alert across runs: `drift_share`,
    /// `column_drift:plan`, `metric_threshold:latency.mean`, `metric_change:plan.share[pro]`.
    public var key: String {
        switch self {
        case .driftShare: "drift_share"
        case let .columnDrift(column): "column_drift:\(column)"
        case let .metricThreshold(metric, _, _): "metric_threshold:\(metric)"
        case let .metricChange(metric, _): "metric_change:\(metric)"
        }
    }

    /// The metric the rule reads, if any.
    public var metric: MetricSpec? {
        switch self {
        case .driftShare, .columnDrift: nil
        case let .metricThreshold(metric, _, _), let .metricChange(metric, _): metric
        }
    }

    /// Every problem that can be found without the data, each on its field (relative to the rule).
    func problems() -> [DomainError] {
        switch self {
        case let .driftShare(atLeast):
            guard let atLeast, !(atLeast > 0 && atLeast <= 1) else { return [] }
            return [.invalid(field: "atLeast", message: "atLeast is a share of columns in (0, 1], such as 0.5.")]
        case let .columnDrift(column):
            return column.isEmpty ? [.invalid(field: "column", message: "Name the column whose drift raises the alert.")] : []
        case let .metricThreshold(metric, above, below):
            var problems = metric.problems()
            if above == nil, below == nil {
                problems.append(.invalid(field: "above", message: "A metric_threshold rule needs above, below or both."))
            }
            for (name, value) in [("above", above), ("below", below)] where value.map({ !$0.isFinite }) == true {
                problems.append(.invalid(field: name, message: "\(name) must be a finite number."))
            }
            if let above, let below, above <= below {
                // Both bounds given: the rule fires outside [below, above], so above must exceed below.
                problems.append(.invalid(field: "above", message: "above (\(above)) must be greater than below (\(below)); the rule fires outside that band."))
            }
            return problems
        case let .metricChange(metric, percent):
            var problems = metric.problems()
            if !(percent.isFinite && percent > 0) {
                problems.append(.invalid(field: "percent", message: "percent is the move from the reference that raises the alert: a positive number such as 20."))
            }
            return problems
        }
    }
}

/// A statistic of one column: `mean`, `p50`, `p95`, `min`, `max` or `count` of any column's
/// values, or `share` of a `category` of a categorical column.
public struct MetricSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The statistics a metric may take.
    public enum Statistic: String, Sendable, Codable, CaseIterable {
        case mean, p50, p95, min, max, count, share

        public init(from decoder: any Decoder) throws {
            let name = try String(from: decoder)
            guard let statistic = Statistic(rawValue: name) else {
                throw DomainError.invalid(
                    field: FieldPath.text(decoder.codingPath),
                    message: "'\(name)' is not a statistic; use one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self = statistic
        }
    }

    /// The column.
    public var column: String
    /// The statistic.
    public var statistic: Statistic
    /// For `share`: the category counted.
    public var category: String?

    /// A metric of `column`.
    public init(column: String, statistic: Statistic, category: String? = nil) {
        self.column = column
        self.statistic = statistic
        self.category = category
    }

    private enum CodingKeys: String, CodingKey { case column, statistic, category }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        column = try container.decode(String.self, forKey: .column)
        statistic = try container.decode(Statistic.self, forKey: .statistic)
        category = try container.decodeIfPresent(String.self, forKey: .category)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(statistic, forKey: .statistic)
        try container.encodeIfPresent(category, forKey: .category)
    }

    /// `latency.mean`, or `plan.share[pro]`.
    public var description: String {
        "\(column).\(statistic.rawValue)" + (category.map { "[\($0)]" } ?? "")
    }

    /// Every problem that can be found without the data, each on its field.
    func problems() -> [DomainError] {
        var problems: [DomainError] = []
        if column.isEmpty { problems.append(.invalid(field: "column", message: "Name the column the statistic is taken of.")) }
        if statistic == .share, category == nil {
            problems.append(.invalid(field: "category", message: "A share statistic counts one category; name it in category."))
        }
        if statistic != .share, category != nil {
            problems.append(.invalid(field: "category", message: "category goes with the share statistic only."))
        }
        return problems
    }
}
