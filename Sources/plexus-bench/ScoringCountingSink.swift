import PlexusScoring

/// A sink that keeps nothing but counts, so the benchmark measures scoring rather than storage.
actor ScoringCountingSink: ScoringSink {
    private(set) var items = 0
    private(set) var failures: [String] = []
    private(set) var values: [String: [String: Int]] = [:]
    private var latencySum = 0.0
    private var latencyCount = 0

    /// The mean seconds a classifier took, over every score of every item.
    var meanLatency: Double { latencyCount > 0 ? latencySum / Double(latencyCount) : 0 }

    func alreadyScored(_ itemIDs: [String]) async throws -> Set<String> { [] }

    func record(_ outcomes: [ItemOutcome]) async throws {
        items += outcomes.count
        for outcome in outcomes {
            for score in outcome.scores {
                latencySum += score.latency
                latencyCount += 1
                switch score.result {
                case .success(let classification): values[score.scoreKey, default: [:]][classification.value, default: 0] += 1
                case .failure(let failure) where failures.count < 5: failures.append(failure.description)
                case .failure: break
                }
            }
        }
    }
}
