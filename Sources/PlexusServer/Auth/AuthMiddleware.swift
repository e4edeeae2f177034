import Foundation
import Hummingbird
import PlexusCore
import PlexusStore

/// Finds out who is calling and puts them in the context: an API key or a token from
/// ``TokenSigner`` as `Authorization: Bearer …`, the dashboard's session cookie (how the browser's
/// WebSocket authenticates), or a token as `?token=` on the WebSocket routes (the seed's
/// `/api/v1/ws/connect` also takes an API key there). Answers 401 when there is none or it is unknown.
struct AuthMiddleware: RouterMiddleware {
    let store: SQLStore
    let tokens: TokenSigner

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.principal = try await principal(for: request, route: context.endpointPath)
        return try await next(request, context)
    }

    private func principal(for request: Request, route: String?) async throws -> Principal {
        if let bearer = Self.bearer(in: request) {
            if TokenSigner.looksLikeToken(bearer) { return try await tokens.principal(for: bearer) }
            guard let principal = try await store.principal(forToken: bearer) else { throw APIError.unauthorized }
            return principal
        }
        if route == LiveRoutes.path || route == LiveRoutes.seedPath, let token = request.uri.queryParameters.get("token") {
            if TokenSigner.looksLikeToken(token) { return try await tokens.principal(for: token) }
            // The seed's socket takes the API key itself (`?token=KEY`); Plexus logs paths, never query strings.
            guard route == LiveRoutes.seedPath else {
                throw APIError.invalidToken("?token= takes a token from POST /api/v1/auth/token, never an API key (URLs end up in logs); the seed's /api/v1/ws/connect takes either.")
            }
            guard let principal = try await store.principal(forToken: token) else { throw APIError.unauthorized }
            return principal
        }
        if let session = SessionCookie.token(in: request), let principal = try await store.principal(forToken: session) {
            return principal
        }
        throw APIError.unauthorized
    }

    /// The bearer credential of the `Authorization` header.
    static func bearer(in request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
