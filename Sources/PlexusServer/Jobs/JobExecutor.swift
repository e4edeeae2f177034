import Logging
import PlexusCore
import PlexusScoring
import PlexusStore

/// Runs one claimed job to its end: COMPLETED with its totals, FAILED with the error, or back in
/// the queue when the runner is stopping (a restarted scoring job skips what it already stored).
struct JobExecutor: Sendable {
    let store: SQLStore
    let settings: JobRunnerSettings
    /// The LLM client `llm` classifiers share.
    let llm: SharedLLMClient
    let logger: Logger
    /// Counts how long each attempt ran and how it ended, when given.
    var metrics: ServerMetrics?

    /// Runs `job` while renewing its lease; stops it if the lease is lost to another runner.
    func run(_ job: Job) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await renewLease(of: job) }
            group.addTask { await execute(job) }
            // Whichever ends first ends both: the job finished, or its lease was lost.
            await group.next()
            group.cancelAll()
        }
    }

    /// Renews the lease until cancelled; returns early when another runner holds the job now.
    private func renewLease(of job: Job) async {
        while (try? await Task.sleep(for: settings.lease / 4)) != nil {
            do {
                guard try await store.heartbeatJob(job.id, attempt: job.attempts) else {
                    logger.warning("Job \(job.id) was claimed by another runner after its lease lapsed; stopping this attempt.")
                    return
                }
            } catch {
                logger.warning("Could not renew the lease of job \(job.id): \(error)")
            }
        }
    }

    private func execute(_ job: Job) async {
        logger.info("Running \(job.kind.rawValue) job \(job.id) (\(job.parameters.summary), attempt \(job.attempts)).")
        let started = ContinuousClock.now
        var outcome = "completed"
        defer { metrics?.jobEnded(kind: job.kind, outcome: outcome, duration: .now - started) }
        do {
            let progress = switch job.kind {
            case .scoring: try await score(job)
            case .evaluation: try await evaluate(job)
            case .monitor: try await runMonitor(job)
            case .explanation: try await explain(job)
            }
            // Classifiers cancelled mid-item count as failures rather than errors; a stopping runner must not call that done.
            try Task.checkCancellation()
            try await store.finishJob(job.id, accountID: job.accountId, progress: progress, attempt: job.attempts)
        } catch _ where Task.isCancelled {
            // The runner is stopping; whatever was stored stays, and the job resumes on the next start.
            logger.notice("Job \(job.id) interrupted by shutdown; it goes back to the queue.")
            outcome = "requeued"
            // An unstructured task is not cancelled with this one, so the write is not refused for being late.
            _ = try? await Task { [store] in try await store.requeueJob(job.id, attempt: job.attempts) }.value
        } catch StoreError.databaseUnavailable(let detail) {
            // Not the job's fault: it goes back to the queue as soon as the database takes the
            // write, and resumes (without rescoring what it stored) when a runner claims it again.
            logger.warning("Job \(job.id) paused: the database is unavailable (\(detail)); it goes back to the queue.")
            outcome = "requeued"
            await requeueWhenDatabaseIsBack(job)
        } catch {
            logger.error("Job \(job.id) failed: \(error)")
            outcome = "failed"
            _ = try? await store.finishJob(job.id, accountID: job.accountId, progress: nil, error: String(describing: error), attempt: job.attempts)
        }
    }

    /// Tries to put `job` back in the queue every second for half a lease; if the database is
    /// still away by then, the lease sweep re-queues it once the lease has lapsed.
    private func requeueWhenDatabaseIsBack(_ job: Job) async {
        let deadline = ContinuousClock.now + settings.lease / 2
        while ContinuousClock.now < deadline, !Task.isCancelled {
            if (try? await store.requeueJob(job.id, attempt: job.attempts)) != nil { return }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// The scorecard key and version a scoring or evaluation job runs.
    func target(of job: Job) throws -> (scorecard: String, version: Int) {
        guard let scorecard = job.parameters.scorecard, let version = job.parameters.version else {
            throw JobRunError.incompleteParameters(kind: job.kind, missing: job.parameters.scorecard == nil ? "scorecard" : "version")
        }
        return (scorecard, version)
    }

    /// The job's scorecard version, parsed, and a runner for its scores and their dependencies.
    func prepare(_ job: Job) async throws -> (definition: ScorecardDefinition, runner: ScorecardRunner) {
        let parameters = job.parameters
        let (scorecard, version) = try target(of: job)
        guard let stored = try await store.scorecardVersion(scorecard, version: version, accountID: job.accountId) else {
            throw JobRunError.versionMissing(scorecard: scorecard, version: version)
        }
        let definition = try ScorecardParser(registry: settings.registry).parse(stored.source, file: "\(stored.scorecardKey) v\(stored.version)")
        let context = ClassifierContext(
            scorecardKey: stored.scorecardKey, models: StoreModelArtifacts(store: store, accountID: job.accountId), llm: await llm.get(),
            registeredModels: StoreRegisteredModels(store: store, accountID: job.accountId))
        let runner = try await ScorecardRunner(
            definition: definition, version: stored.version, scores: parameters.scores, registry: settings.registry, context: context)
        return (definition, runner)
    }

    /// Scores the job's items, skipping those already scored, and stores the results.
    func score(_ job: Job) async throws -> JobProgress {
        let (_, runner) = try await prepare(job)
        let (scorecard, version) = try target(of: job)
        let parameters = job.parameters
        let selection = parameters.items ?? .unscored
        var sink = StoreScoringSink(
            store: store, accountID: job.accountId, jobID: job.id, scorecardKey: scorecard, version: version,
            scoreKeys: runner.scoreKeys)
        sink.anyVersionCounts = selection == .unscored
        let rows = StoredItemRows(store: store, accountID: job.accountId, selection: selection)
        return try await JobProgressReporter(store: store, job: job).run(totalItems: nil) { events in
            try await BatchScorer(runner: runner, concurrency: settings.concurrency, batchSize: settings.batchSize).run(rows, into: sink, events: events)
        }
    }
}
