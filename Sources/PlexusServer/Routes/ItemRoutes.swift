import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/items`: create one or a batch, read, list (optionally by external ID).
struct ItemRoutes {
    let store: SQLStore
    let body: RequestBody

    /// The most items one batch may carry.
    static let maximumBatch = 10_000

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("items") { request, context in
            let principal = try context.requirePrincipal()
            let draft = try await body.decode(ItemDraft.self, from: request)
            let outcome = try await store.createItems([draft], accountID: principal.accountID)
            guard let item = try await store.item(outcome.ids[0].rawValue, accountID: principal.accountID) else {
                throw APIError.notFound("item", outcome.ids[0].rawValue)
            }
            return JSONResponse.make(item, status: outcome.created == 1 ? .created : .ok)
        }
        group.post("items/batch") { request, context in
            let principal = try context.requirePrincipal()
            let batch = try await body.decode(ItemBatch.self, from: request)
            guard !batch.items.isEmpty, batch.items.count <= Self.maximumBatch else {
                throw DomainError.invalid(field: "items", message: "Send between 1 and \(Self.maximumBatch) items; got \(batch.items.count).")
            }
            return JSONResponse.make(try await store.createItems(batch.items, accountID: principal.accountID))
        }
        group.get("items") { request, context in
            let principal = try context.requirePrincipal()
            let query = QueryParameters(request: request)
            let page = try await store.items(accountID: principal.accountID, externalId: query.string("externalId"), page: try query.page())
            return JSONResponse.make(page)
        }
        group.get("items/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let item = try await store.item(id, accountID: principal.accountID) else { throw APIError.notFound("item", id) }
            return JSONResponse.make(item)
        }
    }
}
