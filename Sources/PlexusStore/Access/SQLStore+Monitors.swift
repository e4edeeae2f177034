import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats
import SQLKit

/// Monitors: created, listed, read, updated and deleted per account; claimed by the scheduler
/// when due (one server wins each due run); and their runs recorded together with the alert
/// changes each run makes, in one transaction.
extension SQLStore: MonitorDataStore {
    /// Creates a monitor; `nextRunAt` is when its schedule first fires (nil for none).
    public func createMonitor(_ definition: MonitorDefinition, accountID: Identifier<Account>, nextRunAt: Date?) async throws -> Monitor {
        let id: Identifier<Monitor> = newID()
        let now = environment.nowMicros()
        try await backend.write { tx in
            try await tx.sql.raw("""
                INSERT INTO monitors (id, account_id, name, subject, definition, next_run_at, created_at, updated_at)
                VALUES (\(bind: id.rawValue), \(bind: accountID.rawValue), \(bind: definition.name), \(bind: definition.subject), \(bind: JSONText.encode(definition)),
                    \(bind: nextRunAt.map(Timestamp.micros)), \(bind: now), \(bind: now))
                """).run()
        }
        return Monitor(id: id, definition: definition, status: nil, lastRunAt: nil, nextRunAt: nextRunAt, activeAlerts: 0,
                       createdAt: Timestamp.date(now), updatedAt: Timestamp.date(now))
    }

    /// Replaces a monitor's definition and next run; nil when the account has no such monitor.
    public func updateMonitor(_ id: String, accountID: Identifier<Account>, definition: MonitorDefinition, nextRunAt: Date?) async throws -> Monitor? {
        let now = environment.nowMicros()
        let changed = try await backend.write { tx in
            try await tx.sql.raw("""
                UPDATE monitors SET name = \(bind: definition.name), subject = \(bind: definition.subject), definition = \(bind: JSONText.encode(definition)),
                    next_run_at = \(bind: nextRunAt.map(Timestamp.micros)), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue) RETURNING id
                """).first() != nil
        }
        return changed ? try await monitor(id, accountID: accountID) : nil
    }

    /// One of the account's monitors.
    public func monitor(_ id: String, accountID: Identifier<Account>) async throws -> Monitor? {
        try await backend.read { db in
            try await db.raw(Self.monitorSelect + " WHERE m.id = \(bind: id) AND m.account_id = \(bind: accountID.rawValue)").first().map(Self.monitor(from:))
        }
    }

    /// The account's monitors, newest first; only those watching `subject` when given.
    public func monitors(accountID: Identifier<Account>, subject: String? = nil, page: PageRequest) async throws -> Page<Monitor> {
        let tail = try KeysetPage.clause(page, table: "m")
        return try await backend.read { db in
            var sql: SQLQueryString = Self.monitorSelect + " WHERE m.account_id = \(bind: accountID.rawValue)"
            if let subject { sql += " AND m.subject = \(bind: subject)" }
            let found = try await db.raw(sql + tail).all().map(Self.monitor(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Deletes a monitor with its runs and alerts; false when there is none.
    public func deleteMonitor(_ id: String, accountID: Identifier<Account>) async throws -> Bool {
        try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM monitors WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM webhook_deliveries WHERE alert_id IN (SELECT id FROM alerts WHERE monitor_id = \(bind: id))").run()
            try await db.raw("DELETE FROM alerts WHERE monitor_id = \(bind: id)").run()
            try await db.raw("DELETE FROM monitor_runs WHERE monitor_id = \(bind: id)").run()
            try await db.raw("DELETE FROM monitors WHERE id = \(bind: id)").run()
            return true
        }
    }

    /// Monitors whose next run is at or before `now`, at most `limit`.
    public func dueMonitors(now: Date, limit: Int = 50) async throws -> [(accountID: Identifier<Account>, monitor: Monitor)] {
        try await backend.read { db in
            try await db.raw(Self.monitorSelect + " WHERE m.next_run_at <= \(bind: Timestamp.micros(now)) ORDER BY m.next_run_at LIMIT \(literal: limit)")
                .all().map { row in (try row.id("account_id"), try Self.monitor(from: row)) }
        }
    }

    /// Queues the run of a monitor due at `dueAt` as a `monitor` job and moves the monitor's next
    /// run to `nextRunAt`, in one transaction. Returns nil when another scheduler queued it first:
    /// the next run has already moved, and the job's key (monitor, due time) is taken, so with
    /// several servers sharing a database each due run is queued, and so runs, once.
    public func queueDueRun(
        monitorID: Identifier<Monitor>, accountID: Identifier<Account>, dueAt: Date, nextRunAt: Date?
    ) async throws -> Job? {
        let job = newJob(kind: .monitor, parameters: JobParameters(monitorId: monitorID.rawValue, dueAt: dueAt), accountID: accountID)
        return try await backend.write { tx in
            let moved = try await tx.sql.raw("""
                UPDATE monitors SET next_run_at = \(bind: nextRunAt.map(Timestamp.micros))
                WHERE id = \(bind: monitorID.rawValue) AND next_run_at = \(bind: Timestamp.micros(dueAt)) RETURNING id
                """).first() != nil
            guard moved else { return nil }
            let key = "monitor:\(monitorID.rawValue):\(Timestamp.micros(dueAt))"
            return try await Self.insert(job, dedupeKey: key, on: tx.sql) ? job : nil
        }
    }

    /// Records a run and applies the alert changes it makes, in one transaction; returns the
    /// alerts that changed, each with what happened to it (for live pushes and webhooks). A run
    /// already recorded for `dueAt` is returned as it was, with no alert changes.
    public func recordMonitorRun(
        _ outcome: MonitorRunner.Outcome, monitor: Monitor, accountID: Identifier<Account>, trigger: MonitorRun.Trigger, dueAt: Date?
    ) async throws -> (run: MonitorRun, alerts: [AlertEvent]) {
        let runID: Identifier<MonitorRun> = newID()
        let now = environment.now()
        let run = MonitorRun(id: runID, monitorId: monitor.id, trigger: trigger, dueAt: dueAt, ranAt: now, window: outcome.window,
                             referenceWindow: outcome.referenceWindow, check: outcome.check)
        let recorded: (run: MonitorRun, alerts: [AlertEvent]) = try await backend.write { tx in
            let db = tx.sql
            if let dueAt, let earlier = try await db.raw("""
                SELECT body FROM monitor_runs WHERE monitor_id = \(bind: monitor.id.rawValue) AND due_at = \(bind: Timestamp.micros(dueAt))
                """).first() {
                // An earlier attempt recorded this due run; recording it twice would count its alerts twice.
                return (try JSONText.decode(MonitorRun.self, from: try earlier.string("body"), column: "monitor_runs.body"), [])
            }
            try await db.raw("""
                INSERT INTO monitor_runs (id, monitor_id, account_id, trigger, due_at, ran_at, status, body, created_at)
                VALUES (\(bind: runID.rawValue), \(bind: monitor.id.rawValue), \(bind: accountID.rawValue), \(bind: trigger.rawValue),
                    \(bind: dueAt.map(Timestamp.micros)), \(bind: Timestamp.micros(now)), \(bind: outcome.check.status.rawValue),
                    \(bind: JSONText.encode(run)), \(bind: Timestamp.micros(now)))
                """).run()
            try await db.raw("""
                UPDATE monitors SET status = \(bind: outcome.check.status.rawValue), last_run_at = \(bind: Timestamp.micros(now))
                WHERE id = \(bind: monitor.id.rawValue)
                """).run()
            let events = try await self.applyAlertChanges(for: monitor, run: run, accountID: accountID, on: db)
            try await self.enqueueDeliveries(events, accountID: accountID, on: db)
            return (run, events)
        }
        for event in recorded.alerts { publish(.alertChanged(accountID: accountID, event)) }
        return recorded
    }

    /// A monitor's runs, newest first.
    public func monitorRuns(_ monitorID: String, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<MonitorRun>? {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            guard try await db.raw("SELECT id FROM monitors WHERE id = \(bind: monitorID) AND account_id = \(bind: accountID.rawValue)").first() != nil else {
                return nil
            }
            let found = try await db.raw("SELECT body FROM monitor_runs WHERE monitor_id = \(bind: monitorID)" + tail).all().map { row in
                try JSONText.decode(MonitorRun.self, from: try row.string("body"), column: "monitor_runs.body")
            }
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.ranAt, $0.id.rawValue) })
        }
    }

    private static var monitorSelect: SQLQueryString {
        """
        SELECT m.*, (SELECT COUNT(*) FROM alerts a WHERE a.monitor_id = m.id AND a.state <> 'resolved') AS active_alerts FROM monitors m
        """
    }

    private static func monitor(from row: any SQLRow) throws -> Monitor {
        Monitor(
            id: try row.id("id"),
            definition: try JSONText.decode(MonitorDefinition.self, from: try row.string("definition"), column: "monitors.definition"),
            status: try row.optionalString("status").flatMap(MonitorCheck.Status.init(rawValue:)),
            lastRunAt: try row.optionalDate("last_run_at"), nextRunAt: try row.optionalDate("next_run_at"),
            activeAlerts: try row.int("active_alerts"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}

extension SQLStore {
    /// A stored reference sample: each column's drift form in ``StoredDriftColumn``'s bytes.
    private struct StoredReference: Codable {
        struct Column: Codable {
            let kind: String
            let payload: Data
        }

        let rowCount: Int
        let columns: [String: Column]
    }

    public func referenceSample(key: String, accountID: Identifier<Account>) async throws -> MonitorSample? {
        try await backend.read { db in
            guard let row = try await db.raw("""
                SELECT body FROM reference_samples WHERE account_id = \(bind: accountID.rawValue) AND reference_key = \(bind: key)
                """).first() else { return nil }
            let stored = try JSONText.decode(StoredReference.self, from: try row.string("body"), column: "reference_samples.body")
            var columns: [String: DriftColumn] = [:]
            for (name, column) in stored.columns {
                guard let decoded = StoredDriftColumn.decode(kind: column.kind, parts: [Array(column.payload)]) else {
                    throw StoreError.corruptValue(column: "reference_samples.body", detail: "column '\(name)' is not in the stored drift form")
                }
                columns[name] = decoded
            }
            return MonitorSample(columns: columns, rowCount: stored.rowCount)
        }
    }

    public func storeReferenceSample(_ sample: MonitorSample, key: String, accountID: Identifier<Account>) async throws {
        let columns = sample.columns.mapValues { column -> StoredReference.Column in
            switch column {
            case .numeric: StoredReference.Column(kind: StoredDriftColumn.numericKind, payload: Data(StoredDriftColumn.encode(column)))
            case .categorical: StoredReference.Column(kind: StoredDriftColumn.categoricalKind, payload: Data(StoredDriftColumn.encode(column)))
            }
        }
        let body = JSONText.encode(StoredReference(rowCount: sample.rowCount, columns: columns))
        let now = environment.nowMicros()
        try await backend.write { tx in
            try await tx.sql.raw("""
                INSERT INTO reference_samples (account_id, reference_key, body, created_at)
                VALUES (\(bind: accountID.rawValue), \(bind: key), \(bind: body), \(bind: now))
                ON CONFLICT (account_id, reference_key) DO NOTHING
                """).run()
        }
    }

    /// The account's points of `series` in `window`, oldest first.
    public func seriesPoints(_ series: String, accountID: Identifier<Account>, window: MonitorWindow) async throws -> [SeriesPoint] {
        try await backend.read { db in
            try await db.raw("""
                SELECT time, point_values FROM series_points
                WHERE account_id = \(bind: accountID.rawValue) AND series = \(bind: series)
                    AND time >= \(bind: Timestamp.micros(window.from)) AND time < \(bind: Timestamp.micros(window.to))
                ORDER BY time
                """).all().map { row in
                SeriesPoint(time: try row.date("time"),
                            values: try JSONText.decode([String: JSONValue].self, from: try row.string("point_values"), column: "series_points.point_values"))
            }
        }
    }

    /// How many points of `series` the account has per `bucketSeconds` since `from`, oldest
    /// bucket first (buckets without points are left out).
    public func seriesCounts(_ series: String, accountID: Identifier<Account>, from: Date, bucketSeconds: Int) async throws -> [(start: Date, count: Int)] {
        let bucket = Int64(max(bucketSeconds, 1)) * 1_000_000
        return try await backend.read { db in
            try await db.raw("""
                SELECT time / \(literal: bucket) AS bucket, COUNT(*) AS points FROM series_points
                WHERE account_id = \(bind: accountID.rawValue) AND series = \(bind: series) AND time >= \(bind: Timestamp.micros(from))
                GROUP BY time / \(literal: bucket) ORDER BY bucket
                """).all().map { row in
                (Timestamp.date(Int64(try row.int("bucket")) * bucket), try row.int("points"))
            }
        }
    }

    /// The account's newest `limit` points of `series`, newest first.
    public func latestSeriesPoints(_ series: String, accountID: Identifier<Account>, limit: Int) async throws -> [SeriesPoint] {
        try await backend.read { db in
            try await db.raw("""
                SELECT time, point_values FROM series_points WHERE account_id = \(bind: accountID.rawValue) AND series = \(bind: series)
                ORDER BY time DESC LIMIT \(literal: max(limit, 0))
                """).all().map { row in
                SeriesPoint(time: try row.date("time"),
                            values: try JSONText.decode([String: JSONValue].self, from: try row.string("point_values"), column: "series_points.point_values"))
            }
        }
    }

    /// Stores points of `series` for the account in one transaction; points without a time get
    /// the time they arrived. Returns how many were stored.
    @discardableResult
    public func addSeriesPoints(_ points: [SeriesPoint], series: String, accountID: Identifier<Account>) async throws -> Int {
        let now = environment.nowMicros()
        try await backend.write { tx in
            for start in stride(from: 0, to: points.count, by: 500) {
                var sql: SQLQueryString = "INSERT INTO series_points (account_id, series, time, point_values) VALUES "
                for (offset, point) in points[start ..< min(start + 500, points.count)].enumerated() {
                    if offset > 0 { sql += ", " }
                    let time = point.time.map(Timestamp.micros) ?? now
                    sql += "(\(bind: accountID.rawValue), \(bind: series), \(bind: time), \(bind: JSONText.encode(point.values)))"
                }
                try await tx.sql.raw(sql).run()
            }
        }
        return points.count
    }

    public func scoreResultRecords(scorecard: String, score: String, accountID: Identifier<Account>, window: MonitorWindow) async throws -> [[String: JSONValue]]? {
        guard let card = try await self.scorecard(scorecard, accountID: accountID), let found = card.allScores.first(where: { $0.key == score }) else { return nil }
        return try await backend.read { db in
            try await db.raw("""
                SELECT r.value, r.confidence, r.cost, r.latency, l.value AS label FROM score_results r
                LEFT JOIN labels l ON l.item_id = r.item_id AND l.score_id = r.score_id
                WHERE r.score_id = \(bind: found.id.rawValue) AND r.account_id = \(bind: accountID.rawValue)
                    AND r.created_at >= \(bind: Timestamp.micros(window.from)) AND r.created_at < \(bind: Timestamp.micros(window.to))
                """).all().map { row in
                let value = try row.string("value")
                var record: [String: JSONValue] = ["value": .string(value), "skipped": .bool(value == "SKIPPED")]
                for column in ["confidence", "cost", "latency"] {
                    if let number = try row.optionalDouble(column) { record[column] = .number(number) }
                }
                if let label = try row.optionalString("label") { record["correct"] = .bool(label == value) }
                return record
            }
        }
    }

    public func performanceRecords(accountID: Identifier<Account>, window: MonitorWindow) async throws -> [[String: JSONValue]] {
        try await backend.read { db in
            try await db.raw("""
                SELECT processing_type, content_type, exit_reason, quality_score, processing_time, exit_confidence, time_saved_pct
                FROM performance_records WHERE account_id = \(bind: accountID.rawValue)
                    AND recorded_at >= \(bind: Timestamp.micros(window.from)) AND recorded_at < \(bind: Timestamp.micros(window.to))
                """).all().map { row in
                var record: [String: JSONValue] = ["processingType": .string(try row.string("processing_type"))]
                for (column, name) in [("content_type", "contentType"), ("exit_reason", "exitReason")] {
                    if let text = try row.optionalString(column) { record[name] = .string(text) }
                }
                for (column, name) in [("quality_score", "qualityScore"), ("processing_time", "processingTime"), ("exit_confidence", "exitConfidence"), ("time_saved_pct", "timeSavedPct")] {
                    if let number = try row.optionalDouble(column) { record[name] = .number(number) }
                }
                return record
            }
        }
    }
}
