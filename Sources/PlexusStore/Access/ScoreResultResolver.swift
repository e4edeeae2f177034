import PlexusCore
import SQLKit

/// Turns the references in a batch of result drafts (scorecard and score by ID or key, item by ID
/// or external ID, evaluation ID) into stored IDs, loading each scorecard once per batch.
struct ScoreResultResolver: Sendable {
    struct Target: Sendable {
        let scorecardID: String
        let scoreID: String
        let itemID: String
    }

    let accountID: Identifier<Account>
    let environment: StoreEnvironment
    /// The path of draft `i` in the request, e.g. `scoreResults[3]`, or empty for a single result.
    let fieldPrefix: @Sendable (Int) -> String

    private func field(_ index: Int, _ name: String) -> String {
        let prefix = fieldPrefix(index)
        return prefix.isEmpty ? name : "\(prefix).\(name)"
    }

    /// The stored IDs each draft refers to, and how many items were created for unknown external IDs.
    func resolve(_ drafts: [ScoreResultDraft], on tx: any StoreTransaction) async throws -> (targets: [Target], itemsCreated: Int) {
        let db = tx.sql
        var scorecards: [String: Scorecard] = [:]
        var scores: [(scorecard: String, score: String)] = []
        for (index, draft) in drafts.enumerated() {
            if scorecards[draft.scorecard] == nil {
                scorecards[draft.scorecard] = try await SQLStore.requireScorecard(
                    draft.scorecard, accountID: accountID, field: field(index, "scorecard"), on: db)
            }
            let scorecard = scorecards[draft.scorecard]!
            guard let score = scorecard.score(draft.score) else {
                throw DomainError.notFound(resource: "score in scorecard '\(scorecard.key)'", id: draft.score, field: field(index, "score"))
            }
            try score.validate(resultValue: draft.value, field: field(index, "value"))
            scores.append((scorecard.id.rawValue, score.id.rawValue))
        }
        try await checkEvaluations(drafts, on: db)
        let items = try await SQLStore.resolveItems(
            drafts.enumerated().map { ($1.item, field($0, "item")) }, accountID: accountID,
            environment: environment, on: tx)
        let targets = drafts.indices.map { Target(scorecardID: scores[$0].scorecard, scoreID: scores[$0].score, itemID: items.ids[$0].rawValue) }
        return (targets, items.created)
    }

    private func checkEvaluations(_ drafts: [ScoreResultDraft], on db: any SQLDatabase) async throws {
        let wanted = Array(Set(drafts.compactMap { $0.evaluationId?.rawValue }))
        guard !wanted.isEmpty else { return }
        let known = try await SQLStore.existingIDs(table: "evaluations", ids: wanted, accountID: accountID, on: db)
        if let index = drafts.firstIndex(where: { $0.evaluationId.map { !known.contains($0.rawValue) } ?? false }) {
            throw DomainError.notFound(resource: "evaluation", id: drafts[index].evaluationId!.rawValue, field: field(index, "evaluationId"))
        }
    }
}
