import Foundation
import PlexusCore

/// Synthetic score results for ingest benchmarks.
enum BenchData {
    static let scorecard = ScorecardDraft(key: "bench", name: "Bench", sections: [
        .init(name: "Main", scores: [ScoreDraft(key: "greeting"), ScoreDraft(key: "resolved")]),
    ])

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
