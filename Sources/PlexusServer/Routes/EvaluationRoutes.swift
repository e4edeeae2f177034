import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/evaluations`: create, read, update status / progress / metrics, list.
struct EvaluationRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("evaluations") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(EvaluationInput.self, from: request)
            return JSONResponse.make(try await store.createEvaluation(try input.draft(), accountID: principal.accountID), status: .created)
        }
        group.get("evaluations") { request, context in
            let principal = try context.requirePrincipal()
            let query = QueryParameters(request: request)
            let page = try await store.evaluations(accountID: principal.accountID, scorecardID: query.id("scorecardId"), page: try query.page())
            return JSONResponse.make(page)
        }
        group.get("evaluations/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let evaluation = try await store.evaluation(id, accountID: principal.accountID) else { throw APIError.notFound("evaluation", id) }
            return JSONResponse.make(evaluation)
        }
        group.patch("evaluations/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            let update = try await body.decode(EvaluationUpdate.self, from: request)
            return JSONResponse.make(try await store.updateEvaluation(id, accountID: principal.accountID, with: update))
        }
    }
}
