import Foundation
import PlexusCore
import PlexusStore

/// Fills a store with one account's scorecard, items, an evaluation and many score results.
struct DashboardSeed {
    struct Outcome {
        let key: String
        let evaluationID: String
        let itemID: String
        let seconds: Duration
    }

    let store: SQLStore
    let results: Int
    /// Results per insert.
    var batchSize = 10_000

    func run() async throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let (key, principal) = try await BenchData.prepare(store)
        let evaluation = try await store.createEvaluation(EvaluationDraft(scorecard: "bench", score: "greeting", totalItems: 1000), accountID: principal.accountID)
        var remaining = results
        var batch = 0
        while remaining > 0 {
            let size = min(batchSize, remaining)
            var drafts = try BenchData.inputs(batch: batch, size: size).map { try $0.draft() }
            if batch == 0 {
                for index in 0..<min(1000, size) {
                    drafts[index].evaluationId = evaluation.id
                    drafts[index].metadata = ["trueValue": index % 5 == 0 ? "No" : "Yes"]
                }
            }
            _ = try await store.createScoreResults(drafts, accountID: principal.accountID)
            remaining -= size
            batch += 1
        }
        let item = try await store.items(accountID: principal.accountID, page: PageRequest(limit: 1)).data[0]
        return Outcome(key: key, evaluationID: evaluation.id.rawValue, itemID: item.id.rawValue, seconds: clock.now - start)
    }
}
