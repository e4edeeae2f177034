import Hummingbird
import PlexusCore
import Testing

@Suite("Authentication and accounts")
struct AuthTests {
    @Test("Health answers without a key; everything else needs one")
    func keyRequired() async throws {
        try await TestServer.run { server in
            let health = try await server.request(.get, "/health", key: "")
            #expect(health.status == .ok && health.json["database"] == "ok")
            for path in ["/api/v1/scorecards", "/api/v1/score-results", "/openapi.json", "/docs", "/api/v1/accounts/default"] {
                let missing = try await server.request(.get, path, key: "")
                #expect(missing.status == .unauthorized && missing.errorCode == "unauthorized", "\(path)")
                let wrong = try await server.request(.get, path, key: "plx_not-a-key")
                #expect(wrong.status == .unauthorized, "\(path)")
            }
        }
    }

    @Test("Admins create accounts whose new key works; other keys cannot")
    func createAccount() async throws {
        try await TestServer.run { server in
            let created = try await server.request(.post, "/api/v1/accounts", json: ["key": "acme", "name": "Acme"])
            #expect(created.status == .created)
            let key = try #require(created.json["apiKey"]?.stringValue)
            let own = try await server.request(.get, "/api/v1/accounts/acme", key: key)
            #expect(own.status == .ok && own.json["name"] == "Acme")
            let forbidden = try await server.request(.post, "/api/v1/accounts", key: key, json: ["key": "evil", "name": "Evil"])
            #expect(forbidden.status == .forbidden && forbidden.errorCode == "forbidden")
            let hidden = try await server.request(.get, "/api/v1/accounts/default", key: key)
            #expect(hidden.status == .notFound)
            let duplicate = try await server.request(.post, "/api/v1/accounts", json: ["key": "acme", "name": "Again"])
            #expect(duplicate.status == .conflict && duplicate.errorField == "key")
            let adminView = try await server.request(.get, "/api/v1/accounts/acme")
            #expect(adminView.status == .ok)
        }
    }
}
