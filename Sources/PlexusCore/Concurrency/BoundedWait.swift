import Synchronization

/// Waits for work that must not be cancelled (a queue draining, the last batch of an interrupted
/// run being stored) for at most a while.
public enum BoundedWait {
    /// Starts `work` and returns `true` when it finishes within `limit`, or `false` once `limit`
    /// passes; `work` then goes on in the background. Runs whether or not the caller is cancelled,
    /// so an interrupted command can still send what it has.
    public static func run(_ limit: Duration, _ work: @escaping @Sendable () async -> Void) async -> Bool {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            // Unstructured on purpose: neither task may inherit the caller's cancellation.
            Task {
                await work()
                answer.give(true)
            }
            Task {
                try? await Task.sleep(for: limit)
                answer.give(false)
            }
        }
    }
}

/// Resumes a continuation with the first answer given; later answers are ignored.
private final class FirstAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = Mutex(continuation)
    }

    func give(_ answer: Bool) {
        continuation.withLock { continuation in
            continuation?.resume(returning: answer)
            continuation = nil
        }
    }
}
