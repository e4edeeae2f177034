import Hummingbird
import PlexusStore

/// Lets dashboard pages through only with a valid session cookie; sends everyone else to sign in.
struct DashboardSession: RouterMiddleware {
    let store: SQLStore

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        guard let token = SessionCookie.token(in: request), let principal = try await store.principal(forToken: token) else {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
