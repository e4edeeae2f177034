import Foundation
import Hummingbird
import PlexusStore

/// Looks up the bearer API key of every request and puts the caller in the context; answers 401
/// when the key is missing or unknown.
struct AuthMiddleware: RouterMiddleware {
    let store: SQLStore

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError.unauthorized
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let principal = try await store.principal(forToken: token) else {
            throw APIError.unauthorized
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
