import Hummingbird
import PlexusCore

/// An HTTP error with Plexus's JSON body: `{"error":{"code","message","field"}}`.
public struct APIError: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short machine-readable code.
    public var code: String
    /// What went wrong and what to do.
    public var message: String
    /// The offending field, when there is one.
    public var field: String?
    /// Headers the answer carries besides the body (`Retry-After` on a 429, say).
    public var headers: HTTPFields

    /// Creates an error.
    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    /// The JSON body of the error.
    var body: APIErrorBody { APIErrorBody(code: code, message: message, field: field) }

    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized",
        message: "Send a valid API key as 'Authorization: Bearer <key>'. The first `plexus serve` prints one and saves it to ./.plexus/credentials.")

    static let adminOnly = APIError(
        status: .forbidden, code: "forbidden",
        message: "Only an operator key (the one the server made on first start, or a rotation of it) may do this.")

    static func invalidToken(_ message: String) -> APIError {
        APIError(status: .unauthorized, code: "invalid_token", message: message)
    }

    /// A key or token without the scope a route needs.
    static func insufficientScope(needed: APIScope, held: Set<APIScope>) -> APIError {
        let wanted = switch needed {
        case .admin: "'admin'"
        case .write: "'write' or 'admin'"
        case .read: "'read', 'write' or 'admin'"
        case .ingest: "'ingest', 'write' or 'admin'"
        }
        return APIError(
            status: .forbidden, code: "insufficient_scope",
            message: "This needs a key with scope \(wanted); this key has \(held.ordered.map(\.rawValue).joined(separator: ", ")). Make one with POST /api/v1/keys or `plexus key create`.")
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "body_too_large",
                 message: "The request body is larger than the server's limit of \(limit) bytes; send smaller batches or raise --max-body-bytes.")
    }

    static func notFound(_ resource: String, _ id: String) -> APIError {
        let domain = DomainError.notFound(resource: resource, id: id, field: nil)
        return APIError(status: .notFound, code: domain.code, message: domain.message)
    }

    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: message, field: name)
    }
}
