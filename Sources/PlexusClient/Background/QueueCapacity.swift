import Synchronization

/// Bounds how much a background queue holds, so a caller that produces faster than the server
/// takes waits instead of the queue growing without end: ``acquire()`` waits while the queue is
/// full, and the queue's worker calls ``release(_:)`` as it sends (or gives up on) what it holds.
final class QueueCapacity: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    /// A queue that holds at most `limit` entries.
    init(limit: Int) {
        state = Mutex(State(available: limit))
    }

    /// Takes room for one entry, waiting while there is none.
    /// - Throws: `CancellationError` when the caller is cancelled while waiting; no room is taken then.
    func acquire() async throws {
        let id: UInt64? = state.withLock { state in
            if state.available > 0, state.waiters.isEmpty {
                state.available -= 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state in
                    if Task.isCancelled { return true }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0) }
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives back room for `count` entries, letting that many waiting callers go on.
    func release(_ count: Int) {
        guard count > 0 else { return }
        let woken: [Waiter] = state.withLock { state in
            let woken = Array(state.waiters.prefix(count))
            state.waiters.removeFirst(woken.count)
            state.available += count - woken.count
            return woken
        }
        for waiter in woken { waiter.continuation.resume() }
    }
}
