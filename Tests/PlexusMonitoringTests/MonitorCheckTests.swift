import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats
import Testing

@Suite("Monitor definitions, checks and alert changes")
struct MonitorCheckTests {
    private func definition(_ rules: [MonitorRule] = [], minimum: Int = 10, columns: [String]? = nil) -> MonitorDefinition {
        MonitorDefinition(
            name: "inputs", source: MonitorSourceSpec(kind: "series", settings: ["series": "checkout"]), reference: .trailing(WindowLength(seconds: 604_800)),
            columns: columns, rules: rules, minimumSampleSize: minimum)
    }

    private func sample(latency: [Double], plans: [String]) -> MonitorSample {
        MonitorSample(records: zip(latency, plans).map { ["latency": .number($0), "plan": .string($1)] })
    }

    private let reference = (0 ..< 200).map { Double($0 % 50) }
    private let plans = (0 ..< 200).map { $0 % 4 == 0 ? "pro" : "basic" }

    @Test("A shifted numeric column drifts by KS (Evidently's choice for a small reference) and fires the default rule")
    func driftShare() throws {
        let check = MonitorCheck.judge(definition(), reference: sample(latency: reference, plans: plans),
                                       current: sample(latency: reference.map { $0 + 30 }, plans: plans))
        #expect(check.status == .drift)
        let latency = try #require(check.drift?.columns.first { $0.name == "latency" })
        #expect(latency.result.method == .ks && latency.result.drifted)
        #expect(check.drift?.columns.first { $0.name == "plan" }?.result.drifted == false)
        #expect(check.fired.map(\.key) == ["drift_share"])
        #expect(check.fired[0].message.contains("1 of 2 columns drifted (50%"))
    }

    @Test("Unchanged data is ok and fires nothing")
    func healthy() {
        let data = sample(latency: reference, plans: plans)
        let check = MonitorCheck.judge(definition([.columnDrift(column: "latency")]), reference: data, current: data)
        #expect(check.status == .ok && check.fired.isEmpty)
    }

    @Test("Metric rules read the statistic on both sides: thresholds on the current window, changes against the reference")
    func metrics() throws {
        let rules: [MonitorRule] = [
            .metricThreshold(MetricSpec(column: "latency", statistic: .p95), above: 60, below: nil),
            .metricChange(MetricSpec(column: "plan", statistic: .share, category: "pro"), percent: 50),
            .metricChange(MetricSpec(column: "latency", statistic: .mean), percent: 50),
        ]
        let current = sample(latency: reference.map { $0 * 1.4 }, plans: plans.map { _ in "pro" })
        let check = MonitorCheck.judge(definition(rules), reference: sample(latency: reference, plans: plans), current: current)
        let p95 = try #require(SortedSample(reference.map { $0 * 1.4 }).quantile(0.95))
        #expect(check.metrics.first { $0.metric == "latency.p95" }?.current == p95)
        #expect(check.metrics.first { $0.metric == "plan.share[pro]" } == MonitorCheck.MetricReading(metric: "plan.share[pro]", reference: 0.25, current: 1))
        // p95 is 65.8 > 60 and the pro share moved +300%; the mean moved +40%, under its 50% limit.
        #expect(check.fired.map(\.key) == ["metric_threshold:latency.p95", "metric_change:plan.share[pro]"])
        #expect(check.fired[1].message.contains("+300"))
    }

    @Test("Below the minimum sample size nothing is judged")
    func insufficient() {
        let check = MonitorCheck.judge(definition(minimum: 500), reference: sample(latency: reference, plans: plans), current: sample(latency: [1], plans: ["pro"]))
        #expect(check.status == .insufficientData && check.drift == nil && check.fired.isEmpty)
        #expect(check.message?.contains("at least 500") == true)
    }

    @Test("Named columns that a side lacks are reported; with none left the run fails")
    func missingColumns() {
        let data = sample(latency: reference, plans: plans)
        let partly = MonitorCheck.judge(definition(columns: ["latency", "region"]), reference: data, current: data)
        #expect(partly.status == .ok && partly.message?.contains("'region'") == true)
        let none = MonitorCheck.judge(definition(columns: ["region"]), reference: data, current: data)
        #expect(none.status == .failed)
    }

    private func alert(_ rule: String, healthy: Int = 0) -> Alert {
        Alert(id: Identifier(rule), monitorId: Identifier("m"), monitorName: "inputs", rule: rule, message: "", state: .open, count: 1,
              healthyRuns: healthy, firstRunId: Identifier("r0"), lastRunId: Identifier("r0"), raisedAt: Date(), lastSeenAt: Date())
    }

    private func check(firing keys: [String], status: MonitorCheck.Status = .drift) -> MonitorCheck {
        let data = sample(latency: reference, plans: plans)
        let judged = MonitorCheck.judge(definition(), reference: data, current: data)
        return MonitorCheck(status: status, referenceRows: judged.referenceRows, currentRows: judged.currentRows, drift: judged.drift,
                            metrics: [], fired: keys.map { .init(key: $0, message: "fired \($0)") }, message: nil)
    }

    @Test("A run raises alerts for new firings, bumps live ones, counts healthy runs and resolves after enough of them")
    func alertPlan() {
        let live = [alert("drift_share"), alert("column_drift:plan", healthy: 1), alert("column_drift:latency")]
        let changes = AlertChange.plan(live: live, check: check(firing: ["drift_share", "metric_change:x"]), autoResolveAfter: 2)
        #expect(changes == [
            .repeated(Identifier("drift_share"), message: "fired drift_share"),
            .raise(rule: "metric_change:x", message: "fired metric_change:x"),
            .autoResolve(Identifier("column_drift:plan")),
            .healthy(Identifier("column_drift:latency"), runs: 1),
        ] || changes == [
            .repeated(Identifier("drift_share"), message: "fired drift_share"),
            .raise(rule: "metric_change:x", message: "fired metric_change:x"),
            .healthy(Identifier("column_drift:latency"), runs: 1),
            .autoResolve(Identifier("column_drift:plan")),
        ])
    }

    @Test("Runs that were not judged neither fire nor count as healthy")
    func unjudged() {
        for status in [MonitorCheck.Status.insufficientData, .failed] {
            #expect(AlertChange.plan(live: [alert("drift_share", healthy: 2)], check: check(firing: [], status: status), autoResolveAfter: 3).isEmpty)
        }
    }

    @Test("Definitions decode with defaults and refuse bad fields by path")
    func decoding() throws {
        let json = """
            {"name": "checkout", "source": {"kind": "series", "series": "checkout"}, "window": "6h", "reference": {"trailing": "7d"},
             "schedule": "@hourly", "rules": [{"type": "column_drift", "column": "plan"}], "drift": {"methods": {"latency": {"method": "psi"}}}}
            """
        let decoded = try PlexusJSON.decoder().decode(MonitorDefinition.self, from: Data(json.utf8))
        try decoded.validate()
        #expect(decoded.windowLength.seconds == 21_600 && decoded.reference == .trailing(WindowLength(seconds: 604_800)))
        #expect(decoded.minimumSampleSize == 30 && decoded.autoResolveAfter == 3 && decoded.drift.share == 0.5)
        #expect(decoded.drift.options(for: "latency").method == .psi)
        let cases: [(String, String)] = [
            (#"{"name": "x", "source": {"kind": "s3"}, "reference": {"trailing": "1d"}}"#, "source.kind"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1y"}}"#, "reference.trailing"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d", "dataset": "d"}}"#, "reference"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "rules": [{"type": "sometimes"}]}"#, "rules[0].type"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "rules": [{"type": "column_drift", "column": "a", "percent": 5}]}"#, "rules[0].percent"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "rules": [{"type": "metric_change", "column": "a", "statistic": "mode", "percent": 5}]}"#, "rules[0].statistic"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "schedule": "every day"}"#, "schedule"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "drift": {"share": 0}}"#, "drift.share"),
            (#"{"name": "x", "source": {"kind": "dataset", "dataset": "d"}, "reference": {"trailing": "1d"}}"#, "reference"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a", "table": "t"}, "reference": {"trailing": "1d"}}"#, "source.table"),
            (#"{"name": "x", "source": {"kind": "series", "series": "a"}, "reference": {"trailing": "1d"}, "rules": [{"type": "metric_threshold", "column": "a", "statistic": "share", "above": 1}]}"#, "rules[0].category"),
        ]
        for (text, field) in cases {
            #expect {
                try PlexusJSON.decoder().decode(MonitorDefinition.self, from: Data(text.utf8)).validate()
            } throws: { error in
                (error as? DomainError)?.field == field
            }
        }
    }
}

@Suite("Drift columns stored beside a dataset")
struct StoredDriftColumnTests {
    @Test("Numbers and counts come back exactly as they were stored; other bytes are refused")
    func roundTrip() throws {
        let numbers = DriftColumn.numeric(try SortedSample([3.5, -0.0, 1e-300, -2, 7e12, 3.5]))
        let counts = DriftColumn.categorical(CategoryCounts(counts: ["pro": 3, "basic": 9, "": 1]))
        #expect(StoredDriftColumn.decode(kind: StoredDriftColumn.numericKind, parts: [StoredDriftColumn.encode(numbers)]) == numbers)
        #expect(StoredDriftColumn.decode(kind: StoredDriftColumn.categoricalKind, parts: [StoredDriftColumn.encode(counts)]) == counts)
        // Parts follow each other in order; out of order they are not a sorted column.
        let (low, high) = (StoredDriftColumn.encode(numbers: [-2, -0.0]), StoredDriftColumn.encode(numbers: [1e-300, 3.5, 3.5, 7e12]))
        #expect(StoredDriftColumn.decode(kind: "numeric", parts: [low, high]) == numbers)
        #expect(StoredDriftColumn.decode(kind: "numeric", parts: [high, low]) == nil)
        #expect(StoredDriftColumn.decode(kind: "numeric", parts: [[1, 2, 3]]) == nil)
        #expect(StoredDriftColumn.decode(kind: "categorical", parts: [Array("[1]".utf8)]) == nil)
        #expect(StoredDriftColumn.decode(kind: "vector", parts: [[]]) == nil)
    }
}
