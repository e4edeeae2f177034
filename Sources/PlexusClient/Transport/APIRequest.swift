import Foundation
import PlexusCore

/// One call of the REST API: a method, a path under `/api/v1` (or another root), a query and a JSON body.
struct APIRequest: Sendable {
    /// The root most calls live under.
    static let versionedRoot = ["api", "v1"]

    /// The HTTP methods the API uses.
    enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    var method: Method
    /// The segments before `path`: `api/v1`, or `api/performance` for the pipeline performance API.
    var root = versionedRoot
    /// Path segments after the root, not yet percent-encoded.
    var path: [String]
    var query: [(name: String, value: String)] = []
    var body: Data?
    /// Whether sending the request twice has the same effect as sending it once, so a transient
    /// failure may be retried: reads, updates, and creations that carry idempotency keys.
    var isRetryable: Bool
    /// What a 404 means for this request: the resource kind and the ID or key asked for.
    var subject: (kind: String, id: String)?

    /// A `GET` of `path`, which a 404 reports as a missing `kind` named `id`.
    static func get(_ path: String..., query: [(name: String, value: String)] = [], subject: (kind: String, id: String)? = nil) -> APIRequest {
        APIRequest(method: .get, path: path, query: query, isRetryable: true, subject: subject)
    }

    /// A `POST` of `body` as JSON; `retryable` only when resending cannot create a second row.
    static func post(_ path: String..., body: some Encodable, retryable: Bool) throws(PlexusClientError) -> APIRequest {
        APIRequest(method: .post, path: path, body: try encode(body), isRetryable: retryable)
    }

    /// A `PATCH` of `body` as JSON to the resource `kind` named `id`; setting fields twice sets them once.
    static func patch(_ path: String..., body: some Encodable, subject: (kind: String, id: String)) throws(PlexusClientError) -> APIRequest {
        APIRequest(method: .patch, path: path, body: try encode(body), isRetryable: true, subject: subject)
    }

    /// A `DELETE` of the resource `kind` named `id`; deleting twice leaves it deleted, so it is retried.
    static func delete(_ path: String..., subject: (kind: String, id: String)) -> APIRequest {
        APIRequest(method: .delete, path: path, isRetryable: true, subject: subject)
    }

    private static func encode(_ body: some Encodable) throws(PlexusClientError) -> Data {
        do {
            return try PlexusJSON.encoder().encode(body)
        } catch let EncodingError.invalidValue(value, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalid(field: field.isEmpty ? "body" : field, message: "\(value) cannot be sent as JSON (\(context.debugDescription)); use finite numbers.")
        } catch {
            throw .invalid(field: "body", message: "The request body cannot be encoded as JSON: \(error).")
        }
    }
}
