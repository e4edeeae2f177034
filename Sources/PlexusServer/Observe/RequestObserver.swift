import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Sees every request before anything else does: gives it a request ID (the client's
/// `X-Request-ID` when it sends a usable one, else a new one), echoes the ID in the answer, puts it
/// on the request's logger, and once the request is answered logs one line (method, path, route,
/// status, duration) and counts it in ``ServerMetrics``.
///
/// The logged path never carries the query string, where tokens may travel.
struct RequestObserver<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    /// The most characters of a client's request ID kept; longer or odd ones are replaced.
    static var maximumRequestIDLength: Int { 128 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestID = Self.requestID(request.headers[.xRequestID])
        var context = context
        context.logger[metadataKey: "request_id"] = .string(requestID)
        metrics.requestStarted()
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware answers every error; one that got past it still ends the request here.
            finish(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
        response.headers[.xRequestID] = requestID
        finish(request, context: context, status: response.status.code, since: started)
        return response
    }

    private func finish(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - started
        // Hummingbird names the route of a path that matched none "NotFound"; unmatched paths share one label.
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.requestEnded(method: request.method.rawValue, route: route, status: status, duration: duration)
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(status)", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path), "route": .string(route),
            "status": .stringConvertible(status), "duration_ms": .stringConvertible((duration.milliseconds * 100).rounded() / 100),
        ])
    }

    /// The client's ID when it is 1–128 visible ASCII characters, else a new random one.
    static func requestID(_ given: String?) -> String {
        if let given, (1...maximumRequestIDLength).contains(given.utf8.count), given.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}

extension HTTPField.Name {
    /// `X-Request-ID`: the request's ID, sent by the client or made by the server, echoed in the answer.
    static var xRequestID: Self { Self("X-Request-ID")! }
}

extension Duration {
    /// The duration in milliseconds, with fractions.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
