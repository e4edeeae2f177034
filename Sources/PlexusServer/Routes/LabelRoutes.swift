import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/labels`: set (PUT or POST; setting again replaces) and list.
struct LabelRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        let set: @Sendable (Request, PlexusRequestContext) async throws -> Response = { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(LabelInput.self, from: request)
            return JSONResponse.make(try await store.setLabel(try input.draft(), accountID: principal.accountID))
        }
        group.put("labels", use: set)
        group.post("labels", use: set)
        group.get("labels") { request, context in
            let principal = try context.requirePrincipal()
            let query = QueryParameters(request: request)
            let page = try await store.labels(
                accountID: principal.accountID, scoreID: query.id("scoreId"), itemID: query.id("itemId"), page: try query.page())
            return JSONResponse.make(page)
        }
    }
}
