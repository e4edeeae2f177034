import Foundation
import Hummingbird
import PlexusStore

/// Looks up the API key of every request (bearer header or session cookie) and puts the caller in
/// the context; answers 401 when the key is missing or unknown.
struct AuthMiddleware: RouterMiddleware {
    let store: SQLStore

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        guard let token = Self.token(in: request), let principal = try await store.principal(forToken: token) else {
            throw APIError.unauthorized
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }

    /// The bearer key of the `Authorization` header, or else the dashboard's session cookie
    /// (which is how the browser's WebSocket authenticates).
    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        return SessionCookie.token(in: request)
    }
}
