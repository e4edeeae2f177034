import Foundation
import PlexusCore
import PlexusStats

/// What one run of a monitor found: the drift verdicts, the metrics its rules read, and which
/// rules fired.
public struct MonitorCheck: Sendable, Codable, Equatable {
    /// A run's outcome.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Judged, and no rule fired.
        case ok
        /// Judged, and at least one rule fired.
        case drift
        /// A side had fewer rows than the monitor's minimum; nothing was judged.
        case insufficientData = "insufficient_data"
        /// The run could not be made (a missing dataset, no shared columns, …); see the message.
        case failed
    }

    /// A statistic on both sides.
    public struct MetricReading: Sendable, Codable, Hashable {
        /// The metric, as `column.statistic[category]`.
        public let metric: String
        /// Its value in the reference, when the column is there.
        public let reference: Double?
        /// Its value in the current window, when the column is there.
        public let current: Double?

        /// A reading of `metric`.
        public init(metric: String, reference: Double?, current: Double?) {
            self.metric = metric
            self.reference = reference
            self.current = current
        }
    }

    /// A rule that fired.
    public struct FiredRule: Sendable, Codable, Hashable {
        /// The rule's key (``MonitorRule/key``).
        public let key: String
        /// What happened, for people.
        public let message: String

        /// A firing of the rule with `key`.
        public init(key: String, message: String) {
            self.key = key
            self.message = message
        }
    }

    /// The outcome.
    public let status: Status
    /// Rows on each side.
    public let referenceRows: Int, currentRows: Int
    /// Per-column verdicts and the data set's share, when judged.
    public let drift: DatasetDrift?
    /// The metrics the rules read.
    public let metrics: [MetricReading]
    /// The rules that fired.
    public let fired: [FiredRule]
    /// Why the run failed or was not judged, or columns left out.
    public let message: String?

    /// A check with every part given.
    public init(status: Status, referenceRows: Int, currentRows: Int, drift: DatasetDrift?, metrics: [MetricReading], fired: [FiredRule], message: String?) {
        self.status = status
        self.referenceRows = referenceRows
        self.currentRows = currentRows
        self.drift = drift
        self.metrics = metrics
        self.fired = fired
        self.message = message
    }

    /// A run that could not be made.
    public static func failed(_ message: String, referenceRows: Int = 0, currentRows: Int = 0) -> MonitorCheck {
        MonitorCheck(status: .failed, referenceRows: referenceRows, currentRows: currentRows, drift: nil, metrics: [], fired: [], message: message)
    }

    /// Compares `current` with `reference` as `definition` says; seeded so a rerun gives the same
    /// effect-size intervals.
    public static func judge(_ definition: MonitorDefinition, reference: MonitorSample, current: MonitorSample, seed: UInt64 = 0) -> MonitorCheck {
        let minimum = definition.minimumSampleSize
        guard reference.rowCount >= minimum, current.rowCount >= minimum else {
            return MonitorCheck(
                status: .insufficientData, referenceRows: reference.rowCount, currentRows: current.rowCount, drift: nil, metrics: [], fired: [],
                message: "Insufficient data: the reference has \(reference.rowCount) rows and the current window \(current.rowCount); the monitor needs at least \(minimum) on each side.")
        }
        let requested = definition.columns ?? Array(Set(reference.columns.keys).intersection(current.columns.keys)).sorted()
        var pairs: [(name: String, reference: DriftColumn, current: DriftColumn)] = []
        var skipped: [String] = []
        for name in requested {
            guard let left = reference.columns[name], let right = current.columns[name], left.count > 0, right.count > 0, left.sameKind(as: right) else {
                skipped.append(name)
                continue
            }
            pairs.append((name, left, right))
        }
        let skippedNote = skipped.isEmpty ? nil
            : "Not compared (absent, empty or of different kinds on the two sides): \(skipped.map { "'\($0)'" }.joined(separator: ", "))."
        guard !pairs.isEmpty else {
            return .failed("No column could be compared. " + (skippedNote ?? "The two sides share no column."),
                           referenceRows: reference.rowCount, currentRows: current.rowCount)
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        let drift: DatasetDrift
        do {
            drift = try DatasetDrift(
                columns: pairs, options: Dictionary(uniqueKeysWithValues: pairs.map { ($0.name, definition.drift.options(for: $0.name)) }),
                defaults: definition.drift.options(for: ""), driftShare: definition.drift.share, using: &generator)
        } catch {
            return .failed("The drift tests could not run: \(error)", referenceRows: reference.rowCount, currentRows: current.rowCount)
        }
        var metrics: [MetricReading] = []
        var fired: [FiredRule] = []
        for rule in definition.effectiveRules {
            var reading: MetricReading?
            if let metric = rule.metric {
                reading = MetricReading(metric: metric.description, reference: reference.value(of: metric), current: current.value(of: metric))
                if let reading, !metrics.contains(reading) { metrics.append(reading) }
            }
            if let message = rule.firing(drift: drift, reading: reading, driftShare: definition.drift.share) {
                fired.append(FiredRule(key: rule.key, message: message))
            }
        }
        return MonitorCheck(
            status: fired.isEmpty ? .ok : .drift, referenceRows: reference.rowCount, currentRows: current.rowCount,
            drift: drift, metrics: metrics, fired: fired, message: skippedNote)
    }
}

extension MonitorRule {
    /// Why the rule fires on this run, or nil when it does not.
    func firing(drift: DatasetDrift, reading: MonitorCheck.MetricReading?, driftShare: Double) -> String? {
        switch self {
        case let .driftShare(atLeast):
            let threshold = atLeast ?? driftShare
            guard drift.share >= threshold else { return nil }
            let names = drift.columns.filter(\.result.drifted).map(\.name)
            return "\(drift.driftedCount) of \(drift.columns.count) columns drifted (\(Self.percent(drift.share)), threshold \(Self.percent(threshold))): \(names.joined(separator: ", "))."
        case let .columnDrift(column):
            guard let verdict = drift.columns.first(where: { $0.name == column }) else { return nil }
            guard verdict.result.drifted else { return nil }
            return "Column '\(column)' drifted: \(verdict.result.method.rawValue) score \(Self.short(verdict.result.score)) against threshold \(verdict.result.threshold.plainText)."
        case let .metricThreshold(metric, above, below):
            guard let current = reading?.current else { return nil }
            if let above, current > above { return "\(metric) is \(Self.short(current)), above \(above.plainText)." }
            if let below, current < below { return "\(metric) is \(Self.short(current)), below \(below.plainText)." }
            return nil
        case let .metricChange(metric, percent):
            guard let current = reading?.current, let reference = reading?.reference else { return nil }
            let change = reference == 0 ? (current == 0 ? 0 : Double.infinity) : (current - reference) / abs(reference) * 100
            guard abs(change) > percent else { return nil }
            let moved = change.isFinite ? "\(change > 0 ? "+" : "")\((change * 10).rounded() / 10)%" : "from 0"
            return "\(metric) moved \(moved) (reference \(Self.short(reference)), now \(Self.short(current))); the limit is \(percent.plainText)%."
        }
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// Four significant digits, for messages people read.
    static func short(_ value: Double) -> String { String(format: "%.4g", value) }
}

extension MonitorSample {
    /// The value of `metric` in this sample, or nil when the column is absent or the statistic
    /// does not apply to it.
    func value(of metric: MetricSpec) -> Double? {
        guard let column = columns[metric.column] else { return nil }
        switch (metric.statistic, column) {
        case (.count, _): return Double(column.count)
        case let (.share, .categorical(counts)):
            guard counts.total > 0 else { return nil }
            return Double(counts.counts[metric.category ?? ""] ?? 0) / Double(counts.total)
        case let (.share, .numeric(sample)):
            guard sample.count > 0, let category = metric.category, let value = Double(category) else { return nil }
            return Double(sample.countAtOrBelow(value) - sample.countBelow(value)) / Double(sample.count)
        case let (.mean, .numeric(sample)):
            return sample.count > 0 ? sample.values.reduce(0, +) / Double(sample.count) : nil
        case let (.p50, .numeric(sample)): return sample.quantile(0.5)
        case let (.p95, .numeric(sample)): return sample.quantile(0.95)
        case let (.min, .numeric(sample)): return sample.minimum
        case let (.max, .numeric(sample)): return sample.maximum
        case (.mean, .categorical), (.p50, .categorical), (.p95, .categorical), (.min, .categorical), (.max, .categorical): return nil
        }
    }
}

extension DriftColumn {
    /// Whether both are numeric or both categorical.
    func sameKind(as other: DriftColumn) -> Bool {
        switch (self, other) {
        case (.numeric, .numeric), (.categorical, .categorical): true
        default: false
        }
    }
}
