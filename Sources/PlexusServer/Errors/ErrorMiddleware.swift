import Hummingbird
import Logging
import PlexusCore

/// Catches every error a route throws and answers with Plexus's JSON error body (a browser asking
/// for a path that is no route gets an HTML page instead). Errors that are not the caller's fault
/// are logged and answered with a 500 that reveals nothing internal. A known path asked with a
/// method it does not answer gets 405 with `Allow`.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    var allowedMethods = AllowedMethods()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var apiError = ErrorMapping.apiError(for: error) ?? internalError(error, request: request, context: context)
            if apiError.code == "route_not_found" {
                let allowed = allowedMethods.methods(for: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                    apiError = AllowedMethods.error(method: request.method, allowed: allowed)
                }
            }
            if apiError.code == "route_not_found", request.headers[.accept]?.contains("text/html") == true {
                return HTMLResponse.make(NotFoundPage(path: request.uri.path).render(), status: .notFound)
            }
            var response = JSONResponse.make(apiError.body, status: apiError.status)
            response.headers.append(contentsOf: apiError.headers)
            return response
        }
    }

    private func internalError(_ error: any Error, request: Request, context: Context) -> APIError {
        context.logger.error("Unhandled error on \(request.method) \(request.uri.path): \(String(reflecting: error))")
        return APIError(status: .internalServerError, code: "internal_error", message: "The server failed to handle this request; it has been logged.")
    }
}
