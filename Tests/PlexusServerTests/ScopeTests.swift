import Foundation
import Hummingbird
import PlexusCore
import PlexusServer
import Testing

@Suite("Scopes: every route refuses a key without the scope it declares")
struct ScopeTests {
    /// What each scope grants, written out here rather than asked of the code under test.
    private static let grants: [String: Set<String>] = [
        "admin": ["admin", "read", "write", "ingest"],
        "write": ["read", "write", "ingest"],
        "read": ["read"],
        "ingest": ["ingest"],
    ]

    @Test("Each authenticated API route answers 403 insufficient_scope to a key lacking its scope, and lets the others through")
    func everyRouteChecksItsScope() async throws {
        try await TestServer.run(configuration: ServerConfiguration(allowReset: true)) { server in
            let document = try await server.request(.get, "/openapi.json").json
            var keys: [String: String] = [:]
            for scope in Self.grants.keys.sorted() { keys[scope] = try await server.makeKey([scope], name: "only \(scope)") }
            let router = buildRouter(configuration: ServerConfiguration(), store: server.store)
            var checked = 0
            for route in router.routes {
                let template = "/" + route.path.components.map { component in
                    let text = "\(component)"
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }.joined(separator: "/")
                guard template.hasPrefix("/api/") || template == "/graphql" else { continue }
                let method = route.method.rawValue
                let operation = try #require(document["paths"]?[template]?[method.lowercased()], "\(method) \(template) is not documented")
                let needed = operation["x-plexus-scope"]?.stringValue
                guard operation["security"] != .array([]) else { continue }
                let concrete = template.replacingOccurrences(of: #"\{[^}]+\}"#, with: "nosuch", options: .regularExpression)
                for (scope, key) in keys.sorted(by: { $0.key < $1.key }) {
                    let reply = try await server.request(.init(rawValue: method)!, concrete, key: key, json: [:])
                    let refused = reply.status == .forbidden && reply.errorCode == "insufficient_scope"
                    let allowed = needed.map { Self.grants[scope]!.contains($0) } ?? true
                    #expect(refused == !allowed, "\(method) \(template) needs \(needed ?? "no scope"); a \(scope) key got \(reply.status) \(reply.text.prefix(200))")
                    if refused { #expect(reply.errorField == nil || reply.json["error"]?["message"]?.stringValue?.contains(needed ?? "?") == true) }
                }
                checked += 1
            }
            #expect(checked >= 40, "only \(checked) routes were walked")
        }
    }

    @Test("Routes that change data never declare read (only queries sent as POST do), and ingest covers only recording results, pipeline metrics, series points and agent logs")
    func declarationsAreSensible() async throws {
        try await TestServer.run { server in
            let document = try await server.request(.get, "/openapi.json").json
            var ingest: Set<String> = []
            for (path, operations) in document["paths"]?.objectValue ?? [:] {
                for (method, operation) in operations.objectValue ?? [:] {
                    let scope = operation["x-plexus-scope"]?.stringValue
                    let queries = ["/api/v1/scorecards/{idOrKey}/scored-items", "/api/v1/models/{model_id}/predict", "/api/v1/models/{model_id}/explain",
                                   "/api/v1/models/{model_id}/importance"]
                    if method != "get", !queries.contains(path), scope != nil { #expect(scope != "read", "\(method) \(path)") }
                    if method == "get", let scope { #expect(scope == "read" || scope == "admin", "\(method) \(path)") }
                    if scope == "ingest" { ingest.insert("\(method.uppercased()) \(path)") }
                }
            }
            #expect(ingest == [
                "POST /api/v1/score-results", "POST /api/v1/score-results/batch",
                "POST /api/performance/record", "POST /api/performance/record/batch", "POST /api/v1/monitoring/series/{name}/points",
                "POST /api/v1/logs/{projectId}/upload",
            ])
        }
    }

    @Test("An ingest key records score results but cannot read them; a read key reads but cannot record")
    func ingestAndRead() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let ingest = try await server.makeKey(["ingest"])
            let reader = try await server.makeKey(["read"])
            let recorded = try await server.request(.post, "/api/v1/score-results", key: ingest, json: TestServer.result("call-1"))
            #expect(recorded.status == .created)
            let hidden = try await server.request(.get, "/api/v1/score-results", key: ingest)
            #expect(hidden.status == .forbidden && hidden.errorCode == "insufficient_scope")
            #expect(hidden.json["error"]?["message"]?.stringValue?.contains("plexus key create") == true)
            let list = try await server.request(.get, "/api/v1/score-results", key: reader)
            #expect(list.status == .ok && list.json["data"]?.arrayValue?.count == 1)
            let refused = try await server.request(.post, "/api/v1/score-results", key: reader, json: TestServer.result("call-2"))
            #expect(refused.status == .forbidden && refused.errorCode == "insufficient_scope")
        }
    }

    @Test("GraphQL: read keys query, write keys mutate, ingest keys only create score results")
    func graphQL() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let keys = (read: try await server.makeKey(["read"]), write: try await server.makeKey(["write"]), ingest: try await server.makeKey(["ingest"]))
            let query: JSONValue = ["query": "{ listScorecards { items { key } } }"]
            let create: JSONValue = [
                "query": "mutation Create($input: CreateScoreResultInput!) { createScoreResult(input: $input) { id } }",
                "variables": ["input": ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-9", "value": "Yes"]],
                "operationName": "Create",
            ]
            let experiment: JSONValue = ["query": #"mutation { createExperiment(input: {scorecardKey: "call-qa"}) { id } }"#]
            func code(_ key: String, _ body: JSONValue) async throws -> String? {
                let reply = try await server.request(.post, "/graphql", key: key, json: body)
                #expect(reply.status == .ok)
                return reply.json["errors"]?[0]?["extensions"]?["code"]?.stringValue
            }
            #expect(try await code(keys.read, query) == nil)
            #expect(try await code(keys.ingest, query) == "insufficient_scope")
            #expect(try await code(keys.read, create) == "insufficient_scope")
            #expect(try await code(keys.ingest, create) == nil)
            #expect(try await code(keys.ingest, experiment) == "insufficient_scope")
            #expect(try await code(keys.write, experiment) == nil)
            #expect(try await code(keys.write, query) == nil)
            let results = try await server.request(.get, "/api/v1/score-results").json["data"]?.arrayValue ?? []
            #expect(results.count == 1)
        }
    }
}
