import Hummingbird
import HummingbirdWebSocket

/// `GET /api/v1/ws`: the live-update WebSocket (authenticated like every API route, and also by
/// a token as `?token=`, since browsers cannot set headers on a WebSocket).
struct LiveRoutes {
    /// The socket's route template.
    static let path = "/api/v1/ws"

    let broadcaster: Broadcaster

    func register(on group: RouterGroup<PlexusRequestContext>) {
        let socket = LiveSocket(broadcaster: broadcaster)
        group.ws("ws") { request, context in
            _ = try context.requirePrincipal()
            guard request.headers[.upgrade]?.lowercased() == "websocket" else {
                throw APIError(
                    status: .upgradeRequired, code: "websocket_required",
                    message: "This is the live-update WebSocket; connect with a WebSocket client (Upgrade: websocket), not plain HTTP.",
                    headers: [.upgrade: "websocket"])
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let principal = context.requestContext.principal else { return }
            try await socket.serve(inbound: inbound, outbound: outbound, accountID: principal.accountID)
        }
    }
}
