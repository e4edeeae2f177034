import PlexusCore

/// The score results waiting for a batch, oldest first, with when each arrived.
struct PendingResults {
    private var entries: [(input: ScoreResultInput, arrival: ContinuousClock.Instant)] = []

    var count: Int { entries.count }

    /// How long the oldest waiting result has waited; `nil` when none waits.
    var oldestAge: Duration? { entries.first.map { .now - $0.arrival } }

    mutating func append(_ input: ScoreResultInput) {
        entries.append((input, .now))
    }

    /// Removes and returns up to `limit` results, oldest first.
    mutating func take(_ limit: Int) -> [ScoreResultInput] {
        let batch = entries.prefix(limit).map(\.input)
        entries.removeFirst(batch.count)
        return batch
    }
}
