import Logging
import PlexusScoring
import PlexusStore
import ServiceLifecycle

/// The server's in-process worker: claims queued jobs one at a time and runs them.
///
/// While a job runs, the runner renews the job's lease; at start, and every half lease, it
/// re-queues RUNNING jobs whose lease ran out (their runner was killed; a scoring job then skips
/// the items it already stored, an evaluation starts over). Runners on several machines can share
/// one PostgreSQL database this way. On graceful shutdown the running job stops after its current
/// results and goes back to the queue at once.
public struct JobRunnerService: Service {
    let store: SQLStore
    let settings: JobRunnerSettings
    let logger: Logger
    let metrics: ServerMetrics?

    /// Creates the service; `metrics`, when given, counts job durations and the jobs' LLM calls.
    public init(
        store: SQLStore, settings: JobRunnerSettings = JobRunnerSettings(), logger: Logger = Logger(label: "plexus.jobs"), metrics: ServerMetrics? = nil
    ) {
        self.store = store
        self.settings = settings
        self.logger = logger
        self.metrics = metrics
    }

    /// Runs jobs until graceful shutdown.
    public func run() async throws {
        let llm = SharedLLMClient(configuration: settings.llm, observer: metrics)
        let executor = JobExecutor(store: store, settings: settings, llm: llm, logger: logger, metrics: metrics)
        await cancelWhenGracefulShutdown {
            await loop(executor)
        }
        try await llm.shutdown()
    }

    private func loop(_ executor: JobExecutor) async {
        var nextSweep = ContinuousClock.now
        while !Task.isCancelled {
            do {
                if ContinuousClock.now >= nextSweep {
                    let requeued = try await store.requeueAbandonedJobs(lease: settings.lease)
                    if requeued > 0 { logger.notice("Re-queued \(requeued) job(s) whose runner stopped renewing its lease.") }
                    nextSweep = .now + settings.lease / 2
                }
                if let job = try await store.claimNextJob() {
                    await executor.run(job)
                    continue
                }
            } catch where !Task.isCancelled {
                logger.error("Could not claim a job: \(error)")
            } catch {
                return
            }
            try? await Task.sleep(for: settings.pollInterval)
        }
    }
}
