import Foundation
import Logging
import PlexusCore
import PlexusMonitoring
import PlexusStore
import ServiceLifecycle

/// The background service that turns each monitor's due run into a `monitor` job on the job
/// queue, which any job runner then runs (and re-runs, should its runner die). A due run is queued
/// in the transaction that moves the monitor's next run time, under a job key made of the monitor
/// and the due time, so with several servers on one PostgreSQL each due run is queued, and so
/// runs, exactly once. After downtime a monitor runs once, for the first slot it missed, and its
/// next run is the schedule's next time after now: catch-up never replays every missed slot.
struct SchedulerService: Service {
    let store: SQLStore
    let logger: Logger
    /// How often due monitors are looked for.
    var interval: Duration = .seconds(15)
    /// The clock, injected so tests can move time.
    var now: @Sendable () -> Date = { Date() }

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // A tick in progress finishes; only the wait is cut short by a graceful shutdown.
            await tick()
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
    }

    /// Queues a job for every monitor due at the current time; returns the jobs queued.
    @discardableResult
    func tick() async -> [Job] {
        let now = now()
        var queued: [Job] = []
        do {
            for (accountID, monitor) in try await store.dueMonitors(now: now) {
                guard let dueAt = monitor.nextRunAt else { continue }
                let next = (try? MonitorExecution.nextRun(of: monitor.definition, after: now)) ?? nil
                if let job = try await store.queueDueRun(monitorID: monitor.id, accountID: accountID, dueAt: dueAt, nextRunAt: next) {
                    queued.append(job)
                }
            }
        } catch {
            logger.warning("The scheduler could not queue due monitors: \(error)")
        }
        return queued
    }
}
