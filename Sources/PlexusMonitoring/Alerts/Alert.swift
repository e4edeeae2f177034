import Foundation
import PlexusCore

/// A problem a monitor found and keeps finding: one per monitor and rule while it lasts. Repeats
/// bump its count and last-seen time; it moves open → acknowledged → resolved, by people or by
/// itself after the monitor's `autoResolveAfter` healthy runs in a row.
public struct Alert: Sendable, Codable, Hashable {
    /// Where an alert stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Raised and not yet seen to.
        case open
        /// Someone is on it; it still resolves by itself when the data recovers.
        case acknowledged
        /// Over: resolved by someone, or by healthy runs.
        case resolved
    }

    /// The alert's ID.
    public let id: Identifier<Alert>
    /// The monitor that raised it.
    public let monitorId: Identifier<Monitor>
    /// The monitor's name when the alert was last seen.
    public var monitorName: String
    /// The rule that fires (``MonitorRule/key``).
    public let rule: String
    /// What the latest firing run found.
    public var message: String
    /// Where it stands.
    public var state: State
    /// How many runs have fired it.
    public var count: Int
    /// Healthy runs since it last fired.
    public var healthyRuns: Int
    /// The run that raised it and the latest run that fired it.
    public let firstRunId: Identifier<MonitorRun>
    public var lastRunId: Identifier<MonitorRun>
    /// When it was raised and last fired.
    public let raisedAt: Date
    public var lastSeenAt: Date
    /// When someone acknowledged it.
    public var acknowledgedAt: Date?
    /// When it was resolved, and how (`manual`, or `auto` after healthy runs).
    public var resolvedAt: Date?
    public var resolvedBy: String?

    /// An alert as stored.
    public init(
        id: Identifier<Alert>, monitorId: Identifier<Monitor>, monitorName: String, rule: String, message: String, state: State, count: Int,
        healthyRuns: Int, firstRunId: Identifier<MonitorRun>, lastRunId: Identifier<MonitorRun>, raisedAt: Date, lastSeenAt: Date,
        acknowledgedAt: Date? = nil, resolvedAt: Date? = nil, resolvedBy: String? = nil
    ) {
        self.id = id
        self.monitorId = monitorId
        self.monitorName = monitorName
        self.rule = rule
        self.message = message
        self.state = state
        self.count = count
        self.healthyRuns = healthyRuns
        self.firstRunId = firstRunId
        self.lastRunId = lastRunId
        self.raisedAt = raisedAt
        self.lastSeenAt = lastSeenAt
        self.acknowledgedAt = acknowledgedAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
    }

    /// Whether the alert is still live (open or acknowledged).
    public var isActive: Bool { state != .resolved }
}

/// What a run does to a monitor's alerts: the pure half of alerting, which the store applies in
/// the same transaction as the run.
public enum AlertChange: Sendable, Hashable {
    /// A rule fired with no live alert: raise one.
    case raise(rule: String, message: String)
    /// A live alert's rule fired again: bump it and reset its healthy count.
    case repeated(Identifier<Alert>, message: String)
    /// A live alert's rule did not fire on a judged run.
    case healthy(Identifier<Alert>, runs: Int)
    /// A live alert had its last healthy run: resolve it.
    case autoResolve(Identifier<Alert>)

    /// The changes a run with `check` makes to the monitor's live alerts. Runs that were not
    /// judged (insufficient data, failed) change nothing: they neither fire nor count as healthy.
    public static func plan(live: [Alert], check: MonitorCheck, autoResolveAfter: Int) -> [AlertChange] {
        guard check.status == .ok || check.status == .drift else { return [] }
        var changes: [AlertChange] = []
        let liveByRule = Dictionary(live.filter(\.isActive).map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        for fired in check.fired {
            if let alert = liveByRule[fired.key] {
                changes.append(.repeated(alert.id, message: fired.message))
            } else {
                changes.append(.raise(rule: fired.key, message: fired.message))
            }
        }
        let firing = Set(check.fired.map(\.key))
        for alert in liveByRule.values.sorted(by: { $0.raisedAt < $1.raisedAt }) where !firing.contains(alert.rule) {
            let runs = alert.healthyRuns + 1
            changes.append(runs >= autoResolveAfter ? .autoResolve(alert.id) : .healthy(alert.id, runs: runs))
        }
        return changes
    }
}

/// What happened to an alert, as pushed on the `alerts` topic and sent to webhooks.
public struct AlertEvent: Sendable, Codable, Hashable {
    /// The kinds of event, named as the WebSocket messages are.
    public enum Kind: String, Sendable, Codable {
        /// A rule fired with no live alert.
        case raised = "alert.raised"
        /// A live alert fired again, or was acknowledged.
        case updated = "alert.updated"
        /// An alert was resolved.
        case resolved = "alert.resolved"
    }

    /// What happened.
    public let kind: Kind
    /// The alert as it now stands.
    public let alert: Alert

    /// An event of `kind` about `alert`.
    public init(kind: Kind, alert: Alert) {
        self.kind = kind
        self.alert = alert
    }
}
