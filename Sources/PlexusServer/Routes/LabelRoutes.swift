import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/labels`: set one (PUT or POST; setting again replaces) or a batch, and list; and the
/// labelled items of a score, for training and evaluation.
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
        group.post("labels/batch") { request, context in
            let principal = try context.requirePrincipal()
            let batch = try await body.decode(LabelBatch.self, from: request)
            let count = try await store.setLabels(try batch.drafts(), accountID: principal.accountID)
            return JSONResponse.make(LabelBatchOutcome(count: count))
        }
        group.get("scorecards/:idOrKey/scores/:scoreKey/labelled-items") { request, context in
            let principal = try context.requirePrincipal()
            let page = try await store.labelledItems(
                scorecard: try context.parameters.require("idOrKey"), score: try context.parameters.require("scoreKey"),
                accountID: principal.accountID, page: try QueryParameters(request: request).page())
            return JSONResponse.make(page)
        }
    }
}
