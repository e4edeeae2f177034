import Hummingbird
import PlexusCore

/// Refuses, with 403 `insufficient_scope`, a key or token that lacks the scope the matched route
/// declares in ``APIEndpoints``. A route missing from that list is refused to everyone but admin
/// keys (and a test keeps the list and the router equal).
struct ScopeGuard: RouterMiddleware {
    /// The scope each documented route needs, by method and path template
    /// (`GET /api/v1/score-results/{id}`); `nil` for routes any key may use.
    private let required: [String: APIScope?]

    init(endpoints: [Endpoint] = APIEndpoints.all) {
        var required: [String: APIScope?] = [:]
        for endpoint in endpoints where endpoint.authenticated {
            required[Self.routeKey(method: endpoint.method.rawValue, path: endpoint.path)] = endpoint.scope
        }
        self.required = required
    }

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        let principal = try context.requirePrincipal()
        let route = Self.routeKey(method: request.method.rawValue, path: context.endpointPath ?? request.uri.path)
        let needed = required[route] ?? .some(.admin)
        if let needed, !principal.scopes.grants(needed) {
            throw APIError.insufficientScope(needed: needed, held: principal.scopes)
        }
        return try await next(request, context)
    }

    private static func routeKey(method: String, path: String) -> String {
        "\(method.uppercased()) \(path)"
    }
}
