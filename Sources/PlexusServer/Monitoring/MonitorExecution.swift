import Foundation
import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStore

/// Runs monitors and records what they find: the one path every run takes, whether someone
/// asked for it or the schedule came due, so every run leaves a record and moves its alerts.
struct MonitorExecution: Sendable {
    let store: SQLStore
    let runner: MonitorRunner
    /// The clock, injected so tests can move time.
    var now: @Sendable () -> Date = { Date() }

    init(store: SQLStore, registry: MonitorSourceRegistry = .withModels, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        runner = MonitorRunner(registry: registry, data: store)
        self.now = now
    }

    /// What a run answers: the run and the alerts it changed.
    struct Result: Encodable, Sendable {
        let run: MonitorRun
        let alerts: [AlertEvent]
    }

    /// Runs `monitor` now (or for the schedule's `dueAt`) and records the run.
    func run(_ monitor: Monitor, accountID: Identifier<Account>, trigger: MonitorRun.Trigger, dueAt: Date? = nil) async throws -> Result {
        let end = dueAt ?? now()
        // The seed makes a rerun of the same window draw the same bootstrap samples.
        let seed = UInt64(bitPattern: Int64(end.timeIntervalSince1970))
        let outcome = try await runner.run(monitor.definition, accountID: accountID, endingAt: end, seed: seed)
        let recorded = try await store.recordMonitorRun(outcome, monitor: monitor, accountID: accountID, trigger: trigger, dueAt: dueAt)
        return Result(run: recorded.run, alerts: recorded.alerts)
    }

    /// The next time `definition`'s schedule fires after `date`; nil without a schedule or when disabled.
    static func nextRun(of definition: MonitorDefinition, after date: Date) throws -> Date? {
        guard definition.enabled, let schedule = try definition.cronSchedule() else { return nil }
        return schedule.next(after: date)
    }
}
