import Foundation
import Logging
import PlexusMonitoring
import PlexusStore
import ServiceLifecycle

/// The background service that runs monitors when their schedules come due. Each due run is
/// claimed with a compare-and-set on the monitor's next run time, so with several servers on one
/// PostgreSQL each due run happens exactly once. After downtime a monitor runs once, for the first
/// slot it missed, and its next run is the schedule's next time after now: catch-up never
/// replays every missed slot.
struct SchedulerService: Service {
    let execution: MonitorExecution
    let logger: Logger
    /// How often due monitors are looked for.
    var interval: Duration = .seconds(15)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // A tick in progress finishes; only the wait is cut short by a graceful shutdown.
            await tick()
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
    }

    /// Runs every monitor due at the execution's current time once; returns the runs made.
    @discardableResult
    func tick() async -> [MonitorExecution.Result] {
        let now = execution.now()
        var results: [MonitorExecution.Result] = []
        do {
            for (accountID, monitor) in try await execution.store.dueMonitors(now: now) {
                guard let dueAt = monitor.nextRunAt else { continue }
                let next = (try? MonitorExecution.nextRun(of: monitor.definition, after: now)) ?? nil
                guard try await execution.store.claimDueRun(monitorID: monitor.id, dueAt: dueAt, nextRunAt: next) else { continue }
                do {
                    results.append(try await execution.run(monitor, accountID: accountID, trigger: .schedule, dueAt: dueAt))
                } catch {
                    logger.error("Scheduled run of monitor \(monitor.id) failed: \(error)")
                }
            }
        } catch {
            logger.warning("The scheduler could not read due monitors: \(error)")
        }
        return results
    }
}
