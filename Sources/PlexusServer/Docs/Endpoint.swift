import PlexusCore

/// One documented operation of the REST API.
struct Endpoint: Sendable {
    enum Method: String, Sendable { case get, post, put, patch, delete }

    /// A query parameter.
    struct Parameter: Sendable {
        let name: String
        let description: String
        var schema: JSONValue = Schema.string
    }

    let method: Method
    /// The path in OpenAPI form, e.g. `/api/v1/scorecards/{idOrKey}`.
    let path: String
    let summary: String
    let tag: String
    /// The scope a key needs for this operation (``ScopeGuard`` enforces it); `nil` when any key
    /// will do, or none is needed (``authenticated`` is `false`).
    let scope: APIScope?
    var query: [Parameter] = []
    /// The name of the request body's schema, if the operation takes a body.
    var body: String?
    /// The media types the body may be sent as; the schema applies to JSON and form bodies, and
    /// other types (text/csv, …) are documented as text.
    var bodyMediaTypes = ["application/json"]
    /// Whether the body may be left out (every field of it has a default).
    var bodyOptional = false
    /// The status of a successful response.
    var status = 200
    /// Another success status with the same body, such as 200 for a create that found the row already there.
    var alsoStatus: Int?
    /// The name of the successful response's schema.
    let response: String
    /// The schema of a 202 Accepted answer, for operations that may queue a job instead of answering.
    var accepted: String?
    /// Whether the operation needs an API key.
    var authenticated = true

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    var operationID: String {
        method.rawValue + path.split(separator: "/").filter { $0 != "api" && $0 != "v1" }
            .map { $0.hasPrefix("{") ? "By" + $0.dropFirst().dropLast().capitalizedFirst : String($0).camelCased.capitalizedFirst }
            .joined()
    }
}

private extension StringProtocol {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var camelCased: String {
        split(separator: "-").enumerated().map { $0 == 0 ? String($1) : $1.capitalizedFirst }.joined()
    }
}
