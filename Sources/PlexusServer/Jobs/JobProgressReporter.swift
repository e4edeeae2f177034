import PlexusCore
import PlexusScoring
import PlexusStore

/// Writes a running job's totals to the store each time the batch scorer reports them.
///
/// The scorer reports through a synchronous callback; the totals pass through a one-slot buffer to
/// a task that stores them, so a slow write never holds up scoring and only the newest totals wait.
struct JobProgressReporter: Sendable {
    let store: SQLStore
    let job: Job

    /// Runs `body` with the callback to give the scorer, and returns the final totals.
    func run(
        totalItems: Int?, _ body: (@escaping @Sendable (ScoringEvent) -> Void) async throws -> ScoringProgress
    ) async throws -> JobProgress {
        let (stream, continuation) = AsyncStream.makeStream(of: ScoringProgress.self, bufferingPolicy: .bufferingNewest(1))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [store, job] in
                for await progress in stream {
                    try await store.updateJobProgress(
                        job.id, accountID: job.accountId, progress: JobProgress(progress, totalItems: totalItems), attempt: job.attempts)
                }
            }
            do {
                let final = try await body { event in
                    if case .progress(let progress) = event { continuation.yield(progress) }
                }
                continuation.finish()
                try await group.waitForAll()
                return JobProgress(final, totalItems: totalItems)
            } catch {
                continuation.finish()
                group.cancelAll()
                throw error
            }
        }
    }
}
