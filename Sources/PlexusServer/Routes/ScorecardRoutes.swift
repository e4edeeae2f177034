import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/scorecards`: create, list, read by ID or key, update.
struct ScorecardRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("scorecards") { request, context in
            let principal = try context.requirePrincipal()
            let draft = try await body.decode(ScorecardDraft.self, from: request)
            return JSONResponse.make(try await store.createScorecard(draft, accountID: principal.accountID), status: .created)
        }
        group.get("scorecards") { request, context in
            let principal = try context.requirePrincipal()
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.scorecards(accountID: principal.accountID, page: page))
        }
        group.get("scorecards/:idOrKey") { _, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            guard let scorecard = try await store.scorecard(idOrKey, accountID: principal.accountID) else {
                throw APIError.notFound("scorecard", idOrKey)
            }
            return JSONResponse.make(scorecard)
        }
        group.patch("scorecards/:idOrKey") { request, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            let update = try await body.decode(ScorecardUpdate.self, from: request)
            return JSONResponse.make(try await store.updateScorecard(idOrKey, accountID: principal.accountID, with: update))
        }
    }
}
