import PlexusCore
import PlexusScoring
import PlexusStore

extension EvaluationComparison {
    /// Bootstrap settings of a comparison.
    struct Settings: Sendable {
        /// The accepted range of bootstrap resamples.
        static let resampleRange = 100...100_000

        var resamples = 10_000
        var seed: UInt64 = 1
    }

    /// Compares the account's evaluations `baselineID` and `candidateID` on their stored results.
    /// - Throws: a 404 ``APIError`` when either is not the account's, a 422 when they share no judged item.
    static func load(_ store: SQLStore, accountID: Identifier<Account>, baselineID: String, candidateID: String, settings: Settings = Settings()) async throws -> EvaluationComparison {
        async let first = side(store, accountID: accountID, id: baselineID)
        async let second = side(store, accountID: accountID, id: candidateID)
        let baseline = try await first
        let candidate = try await second
        do {
            let run = try RunComparison(baseline: baseline.predictions, candidate: candidate.predictions,
                                        resamples: settings.resamples, seed: settings.seed)
            return EvaluationComparison(baseline: (baseline.evaluation, baseline.scoreKey), candidate: (candidate.evaluation, candidate.scoreKey), run: run)
        } catch let error as RunComparisonError {
            throw APIError(status: .unprocessableContent, code: "no_common_items",
                           message: "Evaluations \(baselineID) and \(candidateID) share no labelled, non-skipped item. \(error.description)", field: "candidateId")
        }
    }

    private static func side(_ store: SQLStore, accountID: Identifier<Account>, id: String) async throws -> (evaluation: Evaluation, scoreKey: String?, predictions: [ItemPrediction]) {
        guard let evaluation = try await store.evaluation(id, accountID: accountID) else { throw APIError.notFound("evaluation", id) }
        async let scorecard = store.scorecard(evaluation.scorecardId.rawValue, accountID: accountID)
        async let results = allResults(store, accountID: accountID, evaluation: evaluation.id)
        let scores = try await scorecard?.allScores ?? []
        let scoreKey = evaluation.scoreId.flatMap { scoreID in scores.first { $0.id == scoreID }?.key }
        return (evaluation, scoreKey, ItemPrediction.from(results: try await results))
    }

    /// Every result of `evaluation`, reading page after page.
    private static func allResults(_ store: SQLStore, accountID: Identifier<Account>, evaluation: Identifier<Evaluation>) async throws -> [ScoreResult] {
        var results: [ScoreResult] = []
        var cursor: String?
        repeat {
            let page = try await store.scoreResults(
                accountID: accountID, filter: ScoreResultFilter(evaluationId: evaluation), page: try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor))
            results += page.data
            cursor = page.nextCursor
        } while cursor != nil
        return results
    }
}
