import Foundation
import Hummingbird
import NIOCore
import HummingbirdWebSocket
import PlexusCore

/// The per-request context: Hummingbird's core storage plus who is calling.
public struct PlexusRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// Where a WebSocket upgrade leaves its handler.
    public let webSocket: WebSocketHandlerReference<Self>
    /// The authenticated caller; set by ``AuthMiddleware`` on every route but `/health`.
    public var principal: Principal?
    /// The address of the client at the other end of the connection.
    public let remoteAddress: SocketAddress?

    /// Creates a context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are read by ``RequestBody`` with the configured limit, not Hummingbird's 2 MiB default.
    public var maxUploadSize: Int { .max }

    /// The caller, which every authenticated route has.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized }
        return principal
    }
}
