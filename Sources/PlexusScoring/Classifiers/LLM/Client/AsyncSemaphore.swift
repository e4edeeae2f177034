/// Limits how many tasks run a section at once; waiters queue in order and suspend (no polling).
actor AsyncSemaphore {
    private var permits: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    /// Creates a semaphore with `permits` (at least 1).
    init(permits: Int) {
        self.permits = max(permits, 1)
    }

    /// Takes a permit, waiting for one if none is free.
    func acquire() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Returns a permit, handing it straight to the oldest waiter if any.
    func release() {
        guard head < waiters.count else {
            permits += 1
            return
        }
        let next = waiters[head]
        head += 1
        // Drop resumed waiters now and then, so the queue does not grow without bound.
        if head > 1024, head * 2 > waiters.count {
            waiters.removeFirst(head)
            head = 0
        }
        next.resume()
    }

    /// Runs `body` holding a permit.
    func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }
}
