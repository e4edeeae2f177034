import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/score-results`: record one or a batch, update, read, list with filters.
struct ScoreResultRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("score-results") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(ScoreResultInput.self, from: request)
            let outcome = try await store.createScoreResults([try input.draft()], accountID: principal.accountID, batchField: nil)
            guard let result = try await store.scoreResult(outcome.ids[0].rawValue, accountID: principal.accountID) else {
                throw APIError.notFound("score result", outcome.ids[0].rawValue)
            }
            return JSONResponse.make(result, status: outcome.created == 1 ? .created : .ok)
        }
        group.post("score-results/batch") { request, context in
            let principal = try context.requirePrincipal()
            let batch = try await body.decode(ScoreResultBatch.self, from: request)
            let drafts = try batch.scoreResults.enumerated().map { index, input in try input.draft(field: "scoreResults[\(index)]") }
            return JSONResponse.make(try await store.createScoreResults(drafts, accountID: principal.accountID))
        }
        group.get("score-results") { request, context in
            let principal = try context.requirePrincipal()
            let query = QueryParameters(request: request)
            let filter = ScoreResultFilter(
                scorecardId: query.id("scorecardId"), scoreId: query.id("scoreId"), itemId: query.id("itemId"),
                evaluationId: query.id("evaluationId"), since: try query.date("since"), until: try query.date("until"),
                value: query.string("value"))
            return JSONResponse.make(try await store.scoreResults(accountID: principal.accountID, filter: filter, page: try query.page()))
        }
        group.get("score-results/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let result = try await store.scoreResult(id, accountID: principal.accountID) else { throw APIError.notFound("score result", id) }
            return JSONResponse.make(result)
        }
        group.patch("score-results/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            let update = try await body.decode(ScoreResultUpdate.self, from: request)
            return JSONResponse.make(try await store.updateScoreResult(id, accountID: principal.accountID, with: update))
        }
    }
}
