import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport
import Testing

/// A server on a fresh database, called in-process, with helpers that speak JSON.
struct TestServer: Sendable {
    let client: any TestClientProtocol
    let store: SQLStore
    let adminKey: String

    /// One reply: status and parsed JSON body (`.null` when the body is not JSON).
    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let json: JSONValue
        let text: String
        var headers: HTTPFields = [:]

        var errorCode: String? { json["error"]?["code"]?.stringValue }
        var errorField: String? { json["error"]?["field"]?.stringValue }
    }

    /// Runs `body` against a new server: in-process by default, on a real port with `live`
    /// (needed for WebSockets and the background services).
    static func run(
        _ database: TestDatabase = .sqlite, configuration: ServerConfiguration = ServerConfiguration(), live: Bool = false,
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        try await database.withStore { store in
            let adminKey = try #require(try await store.bootstrap(adminKey: nil))
            var configuration = configuration
            if live { configuration.port = 0 }
            let app = buildApplication(configuration: configuration, store: store, sourceValidator: FixedKind.validator)
            try await app.test(live ? .live : .router) { client in
                try await body(TestServer(client: client, store: store, adminKey: adminKey))
            }
        }
    }

    func request(
        _ method: HTTPRequest.Method, _ path: String, key: String? = nil, json: JSONValue? = nil, raw: String? = nil, bytes: Data? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        var headers: HTTPFields = [.contentType: contentType]
        if let key = key ?? Optional(adminKey), !key.isEmpty { headers[.authorization] = "Bearer \(key)" }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(bytes: try PlexusJSON.encoder().encode(json)) }
        if let raw { body = ByteBuffer(string: raw) }
        if let bytes { body = ByteBuffer(bytes: bytes) }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            let text = String(buffer: response.body)
            let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
            return Reply(status: response.status, json: json, text: text, headers: response.headers)
        }
    }

    /// Creates a second account and returns its (non-admin) key.
    func makeAccount(_ key: String) async throws -> String {
        let reply = try await request(.post, "/api/v1/accounts", json: ["key": .string(key), "name": "Other"])
        return try #require(reply.json["apiKey"]?.stringValue)
    }

    /// Makes a key of the admin key's account holding only `scopes` and returns its secret.
    func makeKey(_ scopes: [String], name: String = "test key") async throws -> String {
        let reply = try await request(.post, "/api/v1/keys", json: ["name": .string(name), "scopes": .array(scopes.map(JSONValue.string))])
        #expect(reply.status == .created, "\(reply.text)")
        return try #require(reply.json["apiKey"]?.stringValue)
    }

    static let scorecard: JSONValue = [
        "key": "call-qa", "name": "Call QA", "description": "Quality of calls",
        "sections": [["name": "Opening", "scores": [["key": "greeting", "name": "Greeting", "classes": ["Yes", "No"], "positiveClass": "Yes"]]]],
    ]

    static func result(_ item: String, value: String = "Yes", key: String? = nil, confidence: JSONValue = 0.9) -> JSONValue {
        var result: [String: JSONValue] = [
            "scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string(item), "value": .string(value), "confidence": confidence,
        ]
        if let key { result["idempotencyKey"] = .string(key) }
        return .object(result)
    }
}

