import Hummingbird
import NIOCore
import PlexusServer

/// Puts a ``FaultPlan`` in front of the real Plexus routes: matching requests are delayed, or get
/// an error answer in the API's error format, before or after the real handler has run.
struct FaultInjectingResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == PlexusRequestContext {
    let base: Base
    let faults: FaultPlan

    func respond(to request: Request, context: PlexusRequestContext) async throws -> Response {
        guard let rule = await faults.fault(method: request.method.rawValue, path: request.uri.path) else {
            return try await base.respond(to: request, context: context)
        }
        if rule.delay > .zero { try await Task.sleep(for: rule.delay) }
        guard let status = rule.status else { return try await base.respond(to: request, context: context) }
        if rule.afterHandling {
            _ = try await base.respond(to: request, context: context)
        }
        let body = #"{"error":{"code":"injected_fault","message":"Injected by the test.","field":null}}"#
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body))
        )
    }
}
