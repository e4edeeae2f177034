import Hummingbird
import PlexusCore
import PlexusStore

/// `POST /api/v1/scorecards/{idOrKey}/scored-items`: which of up to 1,000 items already have
/// results for every listed score, so a scoring run can skip them when it resumes.
struct ScoredItemRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("scorecards/:idOrKey/scored-items") { request, context in
            let principal = try context.requirePrincipal()
            let query = try await body.decode(ScoredItemsQuery.self, from: request)
            let scored = try await store.scoredItems(try context.parameters.require("idOrKey"), query: query, accountID: principal.accountID)
            return JSONResponse.make(ScoredItems(scored: scored))
        }
    }
}
