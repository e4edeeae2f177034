import PlexusCore

/// The OpenAPI 3.1 document of the REST API, as served at `/openapi.json` (for `plexus openapi`
/// and client generators).
public func openAPIDocument() -> JSONValue { OpenAPIDocument.json }

/// Builds the OpenAPI 3.1 document of the REST API from ``APIEndpoints`` and ``APISchemas``.
enum OpenAPIDocument {
    static let json: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Plexus API",
            "version": "1.0.0",
            "description": "Orchestrate, evaluate and monitor AI/ML classification. Send `Authorization: Bearer <api key>` on every request but /health. Errors are `{\"error\":{\"code\",\"message\",\"field\"}}`; lists are `{\"data\":[…],\"nextCursor\":…}`.",
        ],
        "security": [["bearerAuth": []]],
        "components": [
            "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
            "schemas": .object(APISchemas.all),
        ],
        "paths": paths,
    ]

    private static var paths: JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in APIEndpoints.all {
            paths[endpoint.path, default: [:]][endpoint.method.rawValue] = operation(endpoint)
        }
        return .object(paths.mapValues(JSONValue.object))
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var operation: [String: JSONValue] = [
            "summary": .string(endpoint.summary),
            "operationId": .string(endpoint.operationID),
            "tags": [.string(endpoint.tag)],
            "responses": responses(endpoint),
        ]
        let parameters = endpoint.pathParameters.map { name -> JSONValue in
            ["name": .string(name), "in": "path", "required": true, "schema": Schema.string]
        } + endpoint.query.map { parameter -> JSONValue in
            ["name": .string(parameter.name), "in": "query", "required": false, "description": .string(parameter.description), "schema": parameter.schema]
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = endpoint.body {
            var content: [String: JSONValue] = [:]
            for type in endpoint.bodyMediaTypes {
                content[type] = ["schema": type == "application/json" || type == "multipart/form-data" ? Schema.ref(body) : Schema.string]
            }
            operation["requestBody"] = ["required": .bool(!endpoint.bodyOptional), "content": .object(content)]
        }
        if !endpoint.authenticated {
            operation["security"] = []
        } else if let scope = endpoint.scope {
            // Bearer schemes list the roles an operation needs (OpenAPI 3.1 allows it beside OAuth scopes).
            operation["security"] = [["bearerAuth": [.string(scope.rawValue)]]]
            operation["x-plexus-scope"] = .string(scope.rawValue)
            operation["description"] = .string(Self.scopeSentence(scope))
        }
        return .object(operation)
    }

    /// Which keys may call an operation that needs `scope`.
    static func scopeSentence(_ scope: APIScope) -> String {
        switch scope {
        case .admin: "Needs a key with the admin scope."
        case .ingest: "Needs a key with the ingest, write or admin scope."
        case .read: "Needs a key with the read, write or admin scope."
        case .write: "Needs a key with the write or admin scope."
        }
    }

    private static func responses(_ endpoint: Endpoint) -> JSONValue {
        let mediaType = switch endpoint.response {
        case "HTML": "text/html"
        case "PrometheusText": "text/plain"
        case "JavaScript": "text/javascript"
        default: "application/json"
        }
        let error: JSONValue = ["description": "An error; the body says what is wrong and names the field.", "content": ["application/json": ["schema": Schema.ref("Error")]]]
        // A WebSocket's success is the upgrade; its messages are described by the response schema's text.
        let success: JSONValue = endpoint.status == 101
            ? ["description": .string("Switching Protocols: the WebSocket is open; messages are \(endpoint.response) objects.")]
            : ["description": "Success.", "content": .object([mediaType: ["schema": Schema.ref(endpoint.response)]])]
        var responses: [String: JSONValue] = [String(endpoint.status): success, "4XX": error, "5XX": error]
        if let also = endpoint.alsoStatus { responses[String(also)] = success }
        if let accepted = endpoint.accepted {
            responses["202"] = ["description": "Accepted: queued as a job.", "content": ["application/json": ["schema": Schema.ref(accepted)]]]
        }
        return .object(responses)
    }
}
