import Hummingbird
import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/api/v1/alerts`: the account's alerts, newest first, and acknowledging or resolving one.
struct AlertRoutes {
    let store: SQLStore

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.get("alerts") { request, context in
            let query = QueryParameters(request: request)
            let page = try await store.alerts(
                accountID: try context.requirePrincipal().accountID, state: try Self.state(query), monitorID: query.string("monitorId"), page: try query.page())
            return JSONResponse.make(page)
        }
        group.post("alerts/:id/acknowledge") { _, context in
            try await change(context, to: .acknowledged)
        }
        group.post("alerts/:id/resolve") { _, context in
            try await change(context, to: .resolved)
        }
    }

    private func change(_ context: PlexusRequestContext, to state: Alert.State) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let alert = try await store.setAlertState(id, to: state, accountID: try context.requirePrincipal().accountID) else {
            throw APIError.notFound("alert", id)
        }
        return JSONResponse.make(alert)
    }

    /// The `state` query parameter, if given.
    static func state(_ query: QueryParameters) throws -> Alert.State? {
        guard let text = query.string("state") else { return nil }
        guard let state = Alert.State(rawValue: text) else {
            throw APIError.badParameter("state", "state is one of \(Alert.State.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'.")
        }
        return state
    }
}
