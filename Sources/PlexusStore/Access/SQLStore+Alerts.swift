import Foundation
import PlexusCore
import PlexusMonitoring
import SQLKit

/// Alerts: raised, bumped and auto-resolved by monitor runs (``recordMonitorRun``), listed,
/// acknowledged and resolved by people.
extension SQLStore {
    /// The account's alerts, newest first; only those in `state` when given, only one monitor's
    /// when `monitorID` is given.
    public func alerts(accountID: Identifier<Account>, state: Alert.State? = nil, monitorID: String? = nil, page: PageRequest) async throws -> Page<Alert> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            var sql: SQLQueryString = "SELECT body FROM alerts WHERE account_id = \(bind: accountID.rawValue)"
            if let state { sql += " AND state = \(bind: state.rawValue)" }
            if let monitorID { sql += " AND monitor_id = \(bind: monitorID)" }
            let found = try await db.raw(sql + tail).all().map(Self.alert(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.raisedAt, $0.id.rawValue) })
        }
    }

    /// How many of the account's alerts are live (open or acknowledged).
    public func activeAlertCount(accountID: Identifier<Account>) async throws -> Int {
        try await backend.read { db in
            try await db.raw("SELECT COUNT(*) AS count FROM alerts WHERE account_id = \(bind: accountID.rawValue) AND state <> 'resolved'").first()?.int("count") ?? 0
        }
    }

    /// Acknowledges or resolves one of the account's alerts. Returns nil when there is no such
    /// alert; an alert already in (or past) that state is returned unchanged.
    public func setAlertState(_ id: String, to state: Alert.State, accountID: Identifier<Account>) async throws -> Alert? {
        let now = environment.now()
        let (alert, event) = try await backend.write { tx -> (Alert?, AlertEvent?) in
            let db = tx.sql
            guard let row = try await db.raw("SELECT body FROM alerts WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() else {
                return (nil, nil)
            }
            var alert = try Self.alert(from: row)
            switch (alert.state, state) {
            case (.open, .acknowledged):
                alert.state = .acknowledged
                alert.acknowledgedAt = now
            case (.open, .resolved), (.acknowledged, .resolved):
                alert.state = .resolved
                alert.resolvedAt = now
                alert.resolvedBy = "manual"
            default:
                return (alert, nil)
            }
            try await Self.save(alert, on: db, now: now)
            let event = AlertEvent(kind: state == .resolved ? .resolved : .updated, alert: alert)
            try await self.enqueueDeliveries([event], accountID: accountID, on: db)
            return (alert, event)
        }
        if let event { publish(.alertChanged(accountID: accountID, event)) }
        return alert
    }

    /// Applies the changes `run` makes to the monitor's live alerts, inside the run's transaction.
    func applyAlertChanges(for monitor: Monitor, run: MonitorRun, accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> [AlertEvent] {
        let live = try await db.raw("SELECT body FROM alerts WHERE monitor_id = \(bind: monitor.id.rawValue) AND state <> 'resolved'")
            .all().map(Self.alert(from:))
        let byID = Dictionary(uniqueKeysWithValues: live.map { ($0.id, $0) })
        var events: [AlertEvent] = []
        for change in AlertChange.plan(live: live, check: run.check, autoResolveAfter: monitor.definition.autoResolveAfter) {
            switch change {
            case let .raise(rule, message):
                let alert = Alert(
                    id: self.newID(), monitorId: monitor.id, monitorName: monitor.definition.name, rule: rule, message: message, state: .open, count: 1,
                    healthyRuns: 0, firstRunId: run.id, lastRunId: run.id, raisedAt: run.ranAt, lastSeenAt: run.ranAt)
                try await db.raw("""
                    INSERT INTO alerts (id, account_id, monitor_id, rule, state, body, created_at, updated_at)
                    VALUES (\(bind: alert.id.rawValue), \(bind: accountID.rawValue), \(bind: monitor.id.rawValue), \(bind: rule), 'open',
                        \(bind: JSONText.encode(alert)), \(bind: Timestamp.micros(run.ranAt)), \(bind: Timestamp.micros(run.ranAt)))
                    """).run()
                events.append(AlertEvent(kind: .raised, alert: alert))
            case let .repeated(id, message):
                guard var alert = byID[id] else { continue }
                alert.count += 1
                alert.healthyRuns = 0
                alert.message = message
                alert.monitorName = monitor.definition.name
                alert.lastRunId = run.id
                alert.lastSeenAt = run.ranAt
                try await Self.save(alert, on: db, now: run.ranAt)
                events.append(AlertEvent(kind: .updated, alert: alert))
            case let .healthy(id, runs):
                guard var alert = byID[id] else { continue }
                alert.healthyRuns = runs
                try await Self.save(alert, on: db, now: run.ranAt)
            case let .autoResolve(id):
                guard var alert = byID[id] else { continue }
                alert.healthyRuns += 1
                alert.state = .resolved
                alert.resolvedAt = run.ranAt
                alert.resolvedBy = "auto"
                try await Self.save(alert, on: db, now: run.ranAt)
                events.append(AlertEvent(kind: .resolved, alert: alert))
            }
        }
        return events
    }

    private static func save(_ alert: Alert, on db: any SQLDatabase, now: Date) async throws {
        try await db.raw("""
            UPDATE alerts SET state = \(bind: alert.state.rawValue), body = \(bind: JSONText.encode(alert)), updated_at = \(bind: Timestamp.micros(now))
            WHERE id = \(bind: alert.id.rawValue)
            """).run()
    }

    private static func alert(from row: any SQLRow) throws -> Alert {
        try JSONText.decode(Alert.self, from: try row.string("body"), column: "alerts.body")
    }
}
