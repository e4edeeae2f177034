import Hummingbird
import HummingbirdWebSocket

/// `GET /api/v1/ws`: the live-update WebSocket (authenticated like every API route, and also by
/// a token as `?token=`, since browsers cannot set headers on a WebSocket), the same socket at the
/// seed's `GET /api/v1/ws/connect?token=KEY` (where `subscribe_model` follows one model), and the
/// seed's test page, `GET /api/v1/ws/test-page`.
struct LiveRoutes {
    /// The socket's route template.
    static let path = "/api/v1/ws"
    /// The seed's route for the same socket.
    static let seedPath = "/api/v1/ws/connect"

    let broadcaster: Broadcaster

    func register(on group: RouterGroup<PlexusRequestContext>) {
        let socket = LiveSocket(broadcaster: broadcaster)
        for path in ["ws", "ws/connect"] {
            register(socket, at: path, on: group)
        }
        group.get("ws/test-page") { _, context in
            _ = try context.requirePrincipal()
            return HTMLResponse.make(LiveTestPage.html)
        }
        group.get("ws/test-page.js") { _, context in
            _ = try context.requirePrincipal()
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: LiveTestPage.script)))
        }
    }

    private func register(_ socket: LiveSocket, at path: String, on group: RouterGroup<PlexusRequestContext>) {
        group.ws(RouterPath(stringLiteral: path)) { request, context in
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
