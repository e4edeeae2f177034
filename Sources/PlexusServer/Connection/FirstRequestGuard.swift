import Foundation
import NIOCore
import NIOHTTP1
import PlexusCore

/// Guards the first request of every connection, before Hummingbird's HTTP handling takes over.
///
/// The server's pipeline first waits to see whether the request is a WebSocket upgrade, and while
/// it waits nothing answers a request that does not parse or a client that sends half a request:
/// such a connection used to stay open with no answer, forever. This handler answers a request
/// that does not parse with a 400 JSON error naming what to fix, closes a connection whose first
/// request head has not arrived within ``timeout`` (with a 408 if part of it did), and removes
/// itself once a complete head has arrived; later requests on the connection are Hummingbird's.
///
/// It sits right after the HTTP decoder, where the decoder's errors and parts arrive first, and reads
/// the first bytes from a ``RequestBytesRecorder`` at the front so its 400 can quote the request line.
/// It ends a connection by telling the upgrade handler after it that the input is closed, which
/// is how that handler expects a connection to end before its first request (any other way is
/// logged as an error).
final class FirstRequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeout: TimeAmount
    private let recorder: RequestBytesRecorder
    private var timer: Scheduled<Void>?
    private var answered = false

    init(timeout: TimeAmount, recorder: RequestBytesRecorder) {
        self.timeout = timeout
        self.recorder = recorder
    }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            timedOut(context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let isHead = if case .head = unwrapInboundIn(data) { true } else { false }
        context.fireChannelRead(data)
        guard isHead else { return }
        // Passed on first: a handler that has left the pipeline can no longer forward anything.
        timer?.cancel()
        timer = nil
        recorder.stop(context: context)
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let problem = MalformedRequestLine(bytes: recorder.bytes)
        let message = problem?.message
            ?? "The request is not valid HTTP/1.1 (\(error)); check the request line and headers, and percent-encode URLs."
        answer(context: context, status: .badRequest, error: APIErrorBody(code: "malformed_request", message: message, field: problem?.field))
    }

    private func timedOut(context: ChannelHandlerContext) {
        timer = nil
        // A connection that never sent a byte is a browser's spare socket or a port check: close it quietly.
        guard !recorder.bytes.isEmpty else {
            end(context: context)
            return
        }
        let seconds = Double(timeout.nanoseconds) / 1e9
        let message = "The request head did not arrive within \(seconds.plainText) s; send the request line and headers at once."
        answer(context: context, status: .requestTimeout, error: APIErrorBody(code: "request_timeout", message: message, field: nil))
    }

    /// Writes one JSON error response and closes the connection; later errors on it are ignored.
    private func answer(context: ChannelHandlerContext, status: HTTPResponseStatus, error: APIErrorBody) {
        guard !answered else { return }
        answered = true
        timer?.cancel()
        timer = nil
        let body = (try? PlexusJSON.encoder().encode(error)) ?? Data()
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { [self] _ in
            end(context: context)
        }
    }

    private func end(context: ChannelHandlerContext) {
        answered = true
        context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
    }
}

/// Keeps the first bytes a client sends, until the first request head is decoded, so a request
/// line that does not parse can be quoted back. It sits at the front of the pipeline, before the decoder.
final class RequestBytesRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The most bytes kept: more than any request line worth quoting.
    static let limit = 4096

    private(set) var bytes: [UInt8] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if bytes.count < Self.limit {
            let buffer = unwrapInboundIn(data)
            bytes += buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, Self.limit - bytes.count)) ?? []
        }
        context.fireChannelRead(data)
    }

    /// Removes the recorder once the first head has been decoded; `context` is any handler's context in the same pipeline.
    func stop(context: ChannelHandlerContext) {
        bytes = []
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }
}
