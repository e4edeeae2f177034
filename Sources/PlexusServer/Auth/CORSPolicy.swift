import HTTPTypes
import Hummingbird

/// Lets pages from the configured origins call the API from a browser
/// (``ServerConfiguration/corsOrigins``; `*` allows any). With none configured it does nothing,
/// so browsers keep other sites' scripts out. Preflight `OPTIONS` requests from an allowed origin
/// are answered here, before authentication (browsers send them without credentials).
struct CORSPolicy: RouterMiddleware {
    let origins: Set<String>
    let allowsAny: Bool

    init(origins: [String]) {
        self.origins = Set(origins.map(Self.normalized))
        allowsAny = origins.contains("*")
    }

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowsAny || origins.contains(Self.normalized(origin)) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(status: .noContent, headers: preflightHeaders(origin: origin))
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = "X-Request-ID, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        return response
    }

    private func preflightHeaders(origin: String) -> HTTPFields {
        [
            .accessControlAllowOrigin: origin,
            .accessControlAllowMethods: "GET, POST, PUT, PATCH, DELETE",
            .accessControlAllowHeaders: "Authorization, Content-Type, X-Request-ID",
            .accessControlMaxAge: "600",
            .vary: "Origin",
        ]
    }

    /// Origins compare without a trailing slash and in lower case, as browsers send them.
    private static func normalized(_ origin: String) -> String {
        (origin.hasSuffix("/") ? String(origin.dropLast()) : origin).lowercased()
    }
}
