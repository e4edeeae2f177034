import PostgresNIO
import Synchronization

/// Runs work on a PostgreSQL connection and stops waiting for it once the connection has been
/// closed for a grace period while the work still waits for a reply.
///
/// postgres-nio 1.33 hands each query to its channel without a write promise
/// (`channel.write(task, promise: nil)`). A query sent in the instant the server closes the
/// connection (PostgreSQL shutting down or restarting) is dropped by the closed channel, and the
/// promise its caller waits on is never completed: without this watch, the request or job holding
/// it would wait until Plexus stops. A query already in flight when the connection closes fails at
/// once, so work still waiting `grace` after the close is waiting for a reply that cannot come; it
/// gets ``StoreError/databaseUnavailable(detail:)`` (the dropped query never reached the server,
/// so its transaction did not commit) and the stuck task is left suspended.
final class LostReplyWatch<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var tasks: [Task<Void, Never>] = []
        var finished = false
        var cancelled = false
    }

    private let state = Mutex(State())

    private init() {}

    /// Runs `body` on `connection`, giving up `grace` after the connection has closed; cancelling
    /// the caller cancels `body`.
    static func run(
        on connection: PostgresConnection, grace: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await run(isClosed: { connection.isClosed }, grace: grace) { try await body(connection) }
    }

    /// Runs `body`, giving up `grace` after `isClosed` (asked every `poll`) first says yes.
    static func run(
        isClosed: @escaping @Sendable () -> Bool, grace: Duration, poll: Duration = .seconds(1),
        _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let watch = LostReplyWatch()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                watch.start(continuation, work: {
                    do {
                        watch.finish(.success(try await body()))
                    } catch {
                        watch.finish(.failure(error))
                    }
                }, watchdog: {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: poll)
                        guard isClosed(), !Task.isCancelled else { continue }
                        try? await Task.sleep(for: grace)
                        watch.finish(.failure(StoreError.databaseUnavailable(
                            detail: "the connection to PostgreSQL closed and the reply to a query sent on it never came")))
                        return
                    }
                })
            }
        } onCancel: {
            watch.cancelWork()
        }
    }

    private func start(
        _ continuation: CheckedContinuation<Value, any Error>,
        work: @escaping @Sendable () async -> Void, watchdog: @escaping @Sendable () async -> Void
    ) {
        state.withLock { $0.continuation = continuation }
        let tasks = [Task(operation: work), Task(operation: watchdog)]
        let (finished, cancelled) = state.withLock { state in
            state.tasks = tasks
            return (state.finished, state.cancelled)
        }
        if finished { tasks.forEach { $0.cancel() } } else if cancelled { tasks[0].cancel() }
    }

    /// Resumes the caller with the first outcome, and stops the other task.
    private func finish(_ outcome: Result<Value, any Error>) {
        let (continuation, tasks) = state.withLock { state in
            defer {
                state.continuation = nil
                state.finished = true
            }
            return (state.continuation, state.tasks)
        }
        guard let continuation else { return }
        tasks.forEach { $0.cancel() }
        continuation.resume(with: outcome)
    }

    private func cancelWork() {
        state.withLock { state in
            state.cancelled = true
            return state.tasks.first
        }?.cancel()
    }
}
