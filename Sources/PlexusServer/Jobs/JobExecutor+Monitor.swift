import PlexusCore
import PlexusMonitoring
import PlexusStore

/// Monitor jobs: the scheduler queues one per (monitor, due time), and any runner runs it.
extension JobExecutor {
    /// Runs the job's monitor for its due time and records the run. A run already recorded for
    /// that time (an earlier attempt stored it, then its runner died before finishing the job) is
    /// not run again; a monitor deleted since the job was queued leaves nothing to do.
    func runMonitor(_ job: Job) async throws -> JobProgress {
        guard let monitorID = job.parameters.monitorId, let dueAt = job.parameters.dueAt else {
            throw JobRunError.incompleteParameters(kind: job.kind, missing: job.parameters.monitorId == nil ? "monitorId" : "dueAt")
        }
        guard let monitor = try await store.monitor(monitorID, accountID: job.accountId) else {
            logger.notice("Monitor \(monitorID) was deleted before its run due at \(dueAt) started; nothing to run.")
            return JobProgress()
        }
        let execution = MonitorExecution(store: store, registry: settings.monitorSources)
        let result = try await execution.run(monitor, accountID: job.accountId, trigger: .schedule, dueAt: dueAt)
        logger.info("Monitor \(monitor.definition.name) (\(monitorID)) ran for \(dueAt): \(result.run.check.status.rawValue).")
        return JobProgress()
    }
}
