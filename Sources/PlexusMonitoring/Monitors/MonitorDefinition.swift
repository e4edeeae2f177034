import Foundation
import PlexusCore
import PlexusStats

/// What a monitor watches and when it complains: a source of data, the reference its current
/// window is compared with, the drift tests, the rules that raise alerts, and a schedule.
///
/// As JSON (`POST /api/v1/monitors`):
/// ```json
/// {"name": "checkout inputs", "source": {"kind": "series", "series": "checkout"},
///  "window": "1d", "reference": {"trailing": "7d"}, "schedule": "0 * * * *",
///  "rules": [{"type": "drift_share", "atLeast": 0.5}, {"type": "column_drift", "column": "plan"}]}
/// ```
public struct MonitorDefinition: Sendable, Codable, Hashable {
    /// A name for people.
    public var name: String
    /// What the monitor is for.
    public var description: String?
    /// What the monitor watches, such as a model's ID; the seed's model-centred routes
    /// (`/api/v1/monitoring/…/{model_id}`) find monitors by it.
    public var subject: String?
    /// Where the data comes from.
    public var source: MonitorSourceSpec
    /// What the current window is compared with.
    public var reference: MonitorReference
    /// The length of the current window, ending when the monitor runs; for sources whose data
    /// arrives over time (not for `dataset`). Default one day.
    public var window: WindowLength?
    /// The columns compared; every column both sides share when nil.
    public var columns: [String]?
    /// How columns are judged and when the whole set counts as drifted.
    public var drift: DriftSettings
    /// When an alert is raised; a monitor without rules raises one when the data set drifts.
    public var rules: [MonitorRule]
    /// Below this many rows on either side a run records "insufficient data" instead of judging.
    public var minimumSampleSize: Int
    /// When the monitor runs by itself (cron); never when nil.
    public var schedule: String?
    /// The time zone the schedule is read in (IANA name; UTC when nil).
    public var timeZone: String?
    /// An open alert resolves itself after this many healthy runs in a row.
    public var autoResolveAfter: Int
    /// Whether the schedule runs it.
    public var enabled: Bool

    /// How columns are judged.
    public struct DriftSettings: Sendable, Codable, Hashable {
        /// The share of drifted columns at which the data set drifts (Evidently's default 0.5).
        public var share: Double
        /// A method and threshold per column; Evidently's choice for the rest.
        public var methods: [String: ColumnMethod]
        /// A category whose share moves by more than this many points is named.
        public var categoryShiftPoints: Double

        /// Evidently's defaults.
        public init(share: Double = 0.5, methods: [String: ColumnMethod] = [:], categoryShiftPoints: Double = 5) {
            self.share = share
            self.methods = methods
            self.categoryShiftPoints = categoryShiftPoints
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case share, methods, categoryShiftPoints }

        /// The members drift settings may have.
        static let memberNames = CodingKeys.allCases.map(\.rawValue)

        public init(from decoder: any Decoder) throws {
            try MemberReader.refuseUnknownMembers(of: decoder, allowed: Self.memberNames)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            share = try container.decodeIfPresent(Double.self, forKey: .share) ?? 0.5
            methods = try container.decodeIfPresent([String: ColumnMethod].self, forKey: .methods) ?? [:]
            categoryShiftPoints = try container.decodeIfPresent(Double.self, forKey: .categoryShiftPoints) ?? 5
        }

        /// The options the drift tests take for `column`.
        public func options(for column: String) -> ColumnDriftOptions {
            let chosen = methods[column]
            return ColumnDriftOptions(method: chosen?.method, threshold: chosen?.threshold, categoryShiftPoints: categoryShiftPoints)
        }
    }

    /// One column's chosen test and threshold, either of which may be left to Evidently's default.
    public struct ColumnMethod: Sendable, Codable, Hashable {
        /// The test, such as `psi` or `ks`.
        public var method: DriftMethod?
        /// The threshold (a p-value or a distance, as the test reads it).
        public var threshold: Double?

        /// A choice of test and threshold.
        public init(method: DriftMethod? = nil, threshold: Double? = nil) {
            self.method = method
            self.threshold = threshold
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case method, threshold }

        /// The members a column's choice may have.
        static let memberNames = CodingKeys.allCases.map(\.rawValue)

        public init(from decoder: any Decoder) throws {
            try MemberReader.refuseUnknownMembers(of: decoder, allowed: Self.memberNames)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let name = try container.decodeIfPresent(String.self, forKey: .method) {
                guard let method = DriftMethod(rawValue: name) else {
                    let known = DriftMethod.allCases.map(\.rawValue)
                    let hint = FieldSuggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
                    throw DomainError.invalid(
                        field: FieldPath.text(decoder.codingPath + [CodingKeys.method]),
                        message: "'\(name)' is not a drift test; use one of \(known.joined(separator: ", ")).\(hint)")
                }
                self.method = method
            } else {
                method = nil
            }
            threshold = try container.decodeIfPresent(Double.self, forKey: .threshold)
        }
    }

    /// Rows a side needs by default before it is judged.
    public static let defaultMinimumSampleSize = 30
    /// Healthy runs that resolve an alert by default.
    public static let defaultAutoResolveAfter = 3

    /// A definition with the defaults for what is not given.
    public init(
        name: String, description: String? = nil, subject: String? = nil, source: MonitorSourceSpec, reference: MonitorReference, window: WindowLength? = nil,
        columns: [String]? = nil, drift: DriftSettings = .init(), rules: [MonitorRule] = [], minimumSampleSize: Int = Self.defaultMinimumSampleSize,
        schedule: String? = nil, timeZone: String? = nil, autoResolveAfter: Int = Self.defaultAutoResolveAfter, enabled: Bool = true
    ) {
        self.name = name
        self.description = description
        self.subject = subject
        self.source = source
        self.reference = reference
        self.window = window
        self.columns = columns
        self.drift = drift
        self.rules = rules
        self.minimumSampleSize = minimumSampleSize
        self.schedule = schedule
        self.timeZone = timeZone
        self.autoResolveAfter = autoResolveAfter
        self.enabled = enabled
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, subject, source, reference, window, columns, drift, rules, minimumSampleSize, schedule, timeZone, autoResolveAfter, enabled
    }

    /// The members a definition may have.
    static let memberNames = CodingKeys.allCases.map(\.rawValue)

    public init(from decoder: any Decoder) throws {
        try MemberReader.refuseUnknownMembers(of: decoder, allowed: Self.memberNames)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        source = try container.decode(MonitorSourceSpec.self, forKey: .source)
        reference = try container.decode(MonitorReference.self, forKey: .reference)
        window = try container.decodeIfPresent(WindowLength.self, forKey: .window)
        columns = try container.decodeIfPresent([String].self, forKey: .columns)
        drift = try container.decodeIfPresent(DriftSettings.self, forKey: .drift) ?? .init()
        rules = try container.decodeIfPresent([MonitorRule].self, forKey: .rules) ?? []
        minimumSampleSize = try container.decodeIfPresent(Int.self, forKey: .minimumSampleSize) ?? Self.defaultMinimumSampleSize
        schedule = try container.decodeIfPresent(String.self, forKey: .schedule)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
        autoResolveAfter = try container.decodeIfPresent(Int.self, forKey: .autoResolveAfter) ?? Self.defaultAutoResolveAfter
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
    }

    /// The current window's length: the one given, or a day.
    public var windowLength: WindowLength { window ?? WindowLength(seconds: 86_400) }

    /// The rules that apply: those given, or "the data set drifts" when none are.
    public var effectiveRules: [MonitorRule] { rules.isEmpty ? [.driftShare(atLeast: nil)] : rules }

    /// The schedule, read; nil when the monitor has none.
    public func cronSchedule() throws -> CronSchedule? {
        try schedule.map { try CronSchedule($0, timeZone: timeZone) }
    }

    /// Checks every field that can be checked without the data, with `registry`'s sources.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming the first offending field.
    public func validate(registry: MonitorSourceRegistry = .standard) throws {
        if let first = problems(registry: registry).first { throw first }
    }

    /// Every problem ``validate(registry:)`` would report, in field order.
    public func problems(registry: MonitorSourceRegistry = .standard) -> [DomainError] {
        var problems: [DomainError] = []
        func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
            if !condition { problems.append(.invalid(field: field, message: message())) }
        }
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let error as DomainError {
                problems.append(error)
            } catch {
                problems.append(.invalid(field: "", message: "\(error)"))
            }
        }
        check(!name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && name.unicodeScalars.count <= 200, "name", "A monitor needs a name of 1–200 characters.")
        if let description {
            check(description.unicodeScalars.count <= 2_000, "description", "The description is \(description.unicodeScalars.count) characters; keep it to 2,000.")
        }
        if let subject {
            check(!subject.isEmpty && subject.unicodeScalars.count <= 200, "subject", "subject names what the monitor watches (such as a model ID) in 1–200 characters.")
        }
        collect {
            let sourceType = try registry.sourceType(for: source)
            _ = try sourceType.init(settings: source.settings)
            if !sourceType.isTimed {
                check(window == nil, "window", "A \(source.kind) source has no time windows; leave window out.")
                if case .dataset = reference {} else {
                    problems.append(.invalid(field: "reference", message: "A \(source.kind) source is compared with a reference dataset: give reference {\"dataset\": \"<id>\"}."))
                }
            }
        }
        collect { try reference.validate() }
        if let columns {
            check(!columns.isEmpty && columns.count <= 1_000, "columns", "columns lists 1–1,000 column names, or is left out to compare every shared column.")
            for (index, column) in columns.enumerated() where column.isEmpty {
                problems.append(.invalid(field: "columns[\(index)]", message: "A column name cannot be empty."))
            }
        }
        check(drift.share > 0 && drift.share <= 1, "drift.share", "drift.share is \(drift.share); it must be in (0, 1], such as 0.5 (half the columns).")
        check(drift.categoryShiftPoints > 0 && drift.categoryShiftPoints <= 100, "drift.categoryShiftPoints", "drift.categoryShiftPoints must be in (0, 100] percentage points.")
        for (column, options) in drift.methods.sorted(by: { $0.key < $1.key }) {
            if let threshold = options.threshold {
                check(threshold.isFinite && threshold > 0, "drift.methods.\(column).threshold", "The threshold must be a positive number (a p-value or a distance).")
            }
        }
        check(rules.count <= 50, "rules", "A monitor has at most 50 rules.")
        for (index, rule) in rules.enumerated() {
            problems += rule.problems().map { .invalid(field: MemberReader.join("rules[\(index)]", $0.field ?? ""), message: $0.message) }
        }
        check((1 ... 10_000_000).contains(minimumSampleSize), "minimumSampleSize", "minimumSampleSize must be 1–10,000,000 rows.")
        check((1 ... 1_000).contains(autoResolveAfter), "autoResolveAfter", "autoResolveAfter must be 1–1,000 healthy runs.")
        check(schedule != nil || timeZone == nil, "timeZone", "timeZone applies to a schedule; give schedule too, or leave timeZone out.")
        collect {
            if let schedule = try cronSchedule(), schedule.next(after: Date()) == nil {
                problems.append(.invalid(field: "schedule", message: "The schedule '\(schedule.expression)' never fires (no such date); check its day and month fields."))
            }
        }
        return problems
    }
}

/// A monitor's source: its kind (`dataset`, `series`, …) and the settings that kind reads, as
/// one JSON object: `{"kind": "series", "series": "checkout"}`.
public struct MonitorSourceSpec: Sendable, Codable, Hashable {
    /// The registered kind.
    public var kind: String
    /// The other members of the object.
    public var settings: [String: JSONValue]

    /// A source of `kind` with `settings`.
    public init(kind: String, settings: [String: JSONValue] = [:]) {
        self.kind = kind
        self.settings = settings
    }

    public init(from decoder: any Decoder) throws {
        var members = try [String: JSONValue](from: decoder)
        guard case let .string(kind)? = members.removeValue(forKey: "kind") else {
            throw DomainError.invalid(field: FieldPath.text(decoder.codingPath + [AnyKey("kind")]), message: "The source needs a kind, such as {\"kind\": \"series\", \"series\": \"checkout\"}.")
        }
        self.kind = kind
        settings = members
    }

    public func encode(to encoder: any Encoder) throws {
        var members = settings
        members["kind"] = .string(kind)
        try members.encode(to: encoder)
    }
}

/// A length of time written as a number and a unit: `30m`, `6h`, `1d`, `2w`.
public struct WindowLength: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int

    /// A window of `seconds`.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    private static let units: [Character: Int] = ["m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// Reads `30m`, `6h`, `1d` or `2w`.
    public init(_ text: String, field: String) throws {
        guard let unit = text.last, let scale = Self.units[unit], let count = Int(text.dropLast()), count > 0, count <= 5_000 else {
            throw DomainError.invalid(field: field, message: "'\(text)' is not a window length; write a whole number and a unit m, h, d or w, such as '1d' or '30m'.")
        }
        seconds = count * scale
    }

    public init(from decoder: any Decoder) throws {
        let text = try String(from: decoder)
        try self.init(text, field: FieldPath.text(decoder.codingPath))
    }

    public func encode(to encoder: any Encoder) throws {
        try description.encode(to: encoder)
    }

    /// The shortest exact form: `2w`, `36h`, `90m`.
    public var description: String {
        for (unit, scale) in [("w", 604_800), ("d", 86_400), ("h", 3_600)] where seconds % scale == 0 {
            return "\(seconds / scale)\(unit)"
        }
        return "\(seconds / 60)m"
    }

    /// The length as a time interval.
    public var interval: TimeInterval { TimeInterval(seconds) }
}
