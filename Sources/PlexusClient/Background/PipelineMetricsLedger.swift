import Synchronization

/// The counts a ``PipelineMetricsRecorder`` keeps on the caller's side, behind a lock so that
/// recording never waits for the background task: records waiting to be sent, and records
/// dropped before they were queued.
final class PipelineMetricsLedger: Sendable {
    /// Whether a record may join the queue.
    enum Admission: Equatable {
        case admitted
        /// The queue is full; `firstInARow` is true for the first refusal since the last admission,
        /// so a full queue is logged once rather than once per record.
        case refused(firstInARow: Bool)
    }

    private struct Counts {
        var waiting = 0
        var dropped = 0
        var refusing = false
    }

    private let capacity: Int
    private let counts = Mutex(Counts())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Records dropped so far.
    var dropped: Int { counts.withLock { $0.dropped } }

    /// Takes a place in the queue, or counts the record as dropped when the queue is full.
    func admit() -> Admission {
        counts.withLock { counts in
            guard counts.waiting < capacity else {
                counts.dropped += 1
                defer { counts.refusing = true }
                return .refused(firstInARow: !counts.refusing)
            }
            counts.waiting += 1
            counts.refusing = false
            return .admitted
        }
    }

    /// Gives back the places of `count` records that were sent or given up on.
    func settle(_ count: Int) {
        counts.withLock { $0.waiting -= count }
    }

    /// Counts a record dropped for another reason (an invalid value, a shut-down client).
    func drop() {
        counts.withLock { $0.dropped += 1 }
    }
}
