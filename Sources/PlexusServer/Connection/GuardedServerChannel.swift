import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Plexus's HTTP server: HTTP/1.1 with WebSocket upgrades on the same port, every connection's
/// first request guarded by a ``FirstRequestGuard``, and idle keep-alive connections closed.
extension HTTPServerBuilder {
    /// The server `plexus serve` runs; `timeouts` bound how long a connection may hold the server without a request.
    static func plexus<WebSocketRouter: HTTPResponderBuilder & _HB_SendableMetatype>(
        webSocketRouter: WebSocketRouter, timeouts: ConnectionTimeouts
    ) -> HTTPServerBuilder where WebSocketRouter.Responder.Context: WebSocketRequestContext {
        let webSocketResponder = webSocketRouter.buildResponder()
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(http1: .init(idleTimeout: TimeAmount(timeouts.idle)))
        return HTTPServerBuilder { responder in
            GuardedServerChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                requestHeadTimeout: TimeAmount(timeouts.requestHead))
        }
    }
}

/// How long a connection may hold the server without a request.
public struct ConnectionTimeouts: Sendable, Hashable {
    /// How long a new connection may take to send its first request line and headers. Default 30 s.
    public var requestHead: Duration
    /// How long a keep-alive connection may sit idle between requests. Default 60 s.
    public var idle: Duration
    /// How long a JSON request body may take to arrive once its head has. Default 60 s.
    public var requestBody: Duration

    /// Creates timeouts; every argument has a default.
    public init(requestHead: Duration = .seconds(30), idle: Duration = .seconds(60), requestBody: Duration = .seconds(60)) {
        self.requestHead = requestHead
        self.idle = idle
        self.requestBody = requestBody
    }
}

/// A child channel that sets up `inner` and adds the first-request guard around its pipeline.
struct GuardedServerChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value

    let inner: Inner
    let requestHeadTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { [requestHeadTimeout] value in
            let pipeline = channel.pipeline.syncOperations
            let recorder = RequestBytesRecorder()
            try pipeline.addHandler(recorder, position: .first)
            let upgrader = try pipeline.handler(type: NIOTypedHTTPServerUpgradeHandler<HTTP1WebSocketUpgradeChannel.UpgradeResult>.self)
            try pipeline.addHandler(FirstRequestGuard(timeout: requestHeadTimeout, recorder: recorder), position: .before(upgrader))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
