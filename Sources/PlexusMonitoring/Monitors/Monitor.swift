import Foundation
import PlexusCore

/// A stored monitor: its definition and where it stands.
public struct Monitor: Sendable, Codable, Hashable {
    /// The monitor's ID.
    public let id: Identifier<Monitor>
    /// What it watches and when it complains.
    public var definition: MonitorDefinition
    /// The latest run's outcome; nil before the first run.
    public var status: MonitorCheck.Status?
    /// When it last ran.
    public var lastRunAt: Date?
    /// When its schedule runs it next; nil without a schedule or when disabled.
    public var nextRunAt: Date?
    /// Its live (open or acknowledged) alerts.
    public var activeAlerts: Int
    /// When it was created and last changed.
    public let createdAt: Date
    public var updatedAt: Date

    /// A monitor as stored.
    public init(
        id: Identifier<Monitor>, definition: MonitorDefinition, status: MonitorCheck.Status?, lastRunAt: Date?, nextRunAt: Date?,
        activeAlerts: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.definition = definition
        self.status = status
        self.lastRunAt = lastRunAt
        self.nextRunAt = nextRunAt
        self.activeAlerts = activeAlerts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One run of a monitor, as stored: when and why it ran, the windows it compared, and what it found.
public struct MonitorRun: Sendable, Codable, Equatable {
    /// Why a run happened.
    public enum Trigger: String, Sendable, Codable, CaseIterable {
        /// Its schedule came due.
        case schedule
        /// Someone asked (`POST /api/v1/monitors/{id}/run`, the scheduler's trigger, the CLI).
        case manual
    }

    /// The run's ID.
    public let id: Identifier<MonitorRun>
    /// The monitor.
    public let monitorId: Identifier<Monitor>
    /// Why it ran.
    public let trigger: Trigger
    /// For scheduled runs, the time the schedule said; the key that makes each due run happen once.
    public let dueAt: Date?
    /// When it ran.
    public let ranAt: Date
    /// The current window, for sources whose data arrives over time.
    public let window: MonitorWindow?
    /// The reference window, when the reference is a time range.
    public let referenceWindow: MonitorWindow?
    /// What it found.
    public let check: MonitorCheck

    /// A run as stored.
    public init(
        id: Identifier<MonitorRun>, monitorId: Identifier<Monitor>, trigger: Trigger, dueAt: Date?, ranAt: Date, window: MonitorWindow?,
        referenceWindow: MonitorWindow?, check: MonitorCheck
    ) {
        self.id = id
        self.monitorId = monitorId
        self.trigger = trigger
        self.dueAt = dueAt
        self.ranAt = ranAt
        self.window = window
        self.referenceWindow = referenceWindow
        self.check = check
    }
}
