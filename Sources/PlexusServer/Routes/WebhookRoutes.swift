import Hummingbird
import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/api/v1/webhooks`: where the account's alert events are posted, and each webhook's delivery log.
struct WebhookRoutes {
    let store: SQLStore
    let body: RequestBody
    /// The hosts webhooks may point at; any when empty.
    let allowedHosts: [String]

    /// The body of `POST /api/v1/webhooks`.
    struct WebhookInput: Decodable {
        let url: String
        let secret: String?
        let description: String?
        let events: [AlertEvent.Kind]?
    }

    /// The list `GET /api/v1/webhooks` answers.
    struct WebhookList: Encodable {
        let data: [Webhook]
    }

    /// What `DELETE /api/v1/webhooks/{id}` answers.
    struct Deleted: Encodable {
        let id: String
        let deleted: Bool
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("webhooks") { request, context in
            let input = try await body.decode(WebhookInput.self, from: request)
            try Webhook.validate(url: input.url, secret: input.secret, description: input.description, allowedHosts: allowedHosts)
            let created = try await store.createWebhook(
                url: input.url, secret: input.secret, description: input.description, events: input.events ?? [], accountID: try context.requirePrincipal().accountID)
            return JSONResponse.make(created, status: .created)
        }
        group.get("webhooks") { _, context in
            JSONResponse.make(WebhookList(data: try await store.webhooks(accountID: try context.requirePrincipal().accountID)))
        }
        group.delete("webhooks/:id") { _, context in
            let id = try context.parameters.require("id")
            guard try await store.deleteWebhook(id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("webhook", id) }
            return JSONResponse.make(Deleted(id: id, deleted: true))
        }
        group.get("webhooks/:id/deliveries") { request, context in
            let id = try context.parameters.require("id")
            let page = try QueryParameters(request: request).page()
            guard let deliveries = try await store.webhookDeliveries(id, accountID: try context.requirePrincipal().accountID, page: page) else {
                throw APIError.notFound("webhook", id)
            }
            return JSONResponse.make(deliveries)
        }
    }
}
