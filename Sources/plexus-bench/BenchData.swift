import Foundation
import PlexusCore
import PlexusStore

/// Synthetic score results for ingest benchmarks.
enum BenchData {
    static let scorecard = ScorecardDraft(key: "bench", name: "Bench", sections: [
        .init(name: "Main", scores: [ScoreDraft(key: "greeting"), ScoreDraft(key: "resolved")]),
    ])

    /// Creates the account, its admin key and the bench scorecard in a fresh store.
    static func prepare(_ store: SQLStore) async throws -> (key: String, principal: Principal) {
        guard let key = try await store.bootstrap(adminKey: nil), let principal = try await store.principal(forToken: key) else {
            throw BenchError.setup("the fresh database was not empty")
        }
        _ = try await store.createScorecard(scorecard, accountID: principal.accountID)
        return (key, principal)
    }

    static func inputs(batch: Int, size: Int) -> [ScoreResultInput] {
        (0..<size).map { index in
            let n = batch * size + index
            return ScoreResultInput(
                scorecardKey: "bench", scoreKey: n % 2 == 0 ? "greeting" : "resolved", itemExternalId: "item-\(n / 2)",
                value: n % 3 == 0 ? "No" : "Yes", confidence: 0.7 + Double(n % 29) / 100, explanation: "Matched the greeting phrase.",
                metadata: ["source": "bench", "n": .number(Double(n))], cost: 0.0004, latency: 0.12, idempotencyKey: "bench-\(n)"
            )
        }
    }
}
