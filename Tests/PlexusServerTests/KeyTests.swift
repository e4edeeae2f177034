import Foundation
import Hummingbird
import HummingbirdWSTesting
import JWTKit
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Synchronization
import Testing
import WSClient

@Suite("API keys and short-lived tokens")
struct KeyTests {
    @Test("A key is made with scopes, listed without its secret, marked when used, and refused once revoked", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let created = try await server.request(.post, "/api/v1/keys", json: ["name": "nightly pipeline", "scopes": ["ingest", "read"]])
            #expect(created.status == .created)
            let secret = try #require(created.json["apiKey"]?.stringValue)
            let id = try #require(created.json["key"]?["id"]?.stringValue)
            #expect(created.json["key"]?["scopes"] == ["read", "ingest"] && created.json["key"]?["isOperator"] == false)
            #expect(secret.hasPrefix(try #require(created.json["key"]?["prefix"]?.stringValue)))

            let before = try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue ?? []
            let listed = try #require(before.first { $0["id"]?.stringValue == id })
            #expect(listed["name"] == "nightly pipeline" && listed["lastUsedAt"] == nil)
            #expect(!String(describing: before).contains(secret))
            #expect(before.contains { $0["name"] == "Operator key (first start)" && $0["isOperator"] == true })

            #expect(try await server.request(.get, "/api/v1/scorecards", key: secret).status == .ok)
            let after = try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue ?? []
            #expect(after.first { $0["id"]?.stringValue == id }?["lastUsedAt"]?.stringValue != nil)

            let revoked = try await server.request(.delete, "/api/v1/keys/\(id)")
            #expect(revoked.status == .ok && revoked.json == ["id": .string(id), "revoked": true])
            #expect(try await server.request(.get, "/api/v1/scorecards", key: secret).status == .unauthorized)
            #expect(try await server.request(.delete, "/api/v1/keys/\(id)").status == .notFound)
            let remaining = try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue ?? []
            #expect(!remaining.contains { $0["id"]?.stringValue == id })
        }
    }

    @Test("Bad key requests name the offending field")
    func badInput() async throws {
        try await TestServer.run { server in
            let unknown = try await server.request(.post, "/api/v1/keys", json: ["name": "x", "scopes": ["root"]])
            #expect(unknown.status == .badRequest && unknown.errorField == "scopes")
            let none = try await server.request(.post, "/api/v1/keys", json: ["name": "x", "scopes": []])
            #expect(none.status == .badRequest && none.errorField == "scopes")
            let blank = try await server.request(.post, "/api/v1/keys", json: ["name": " ", "scopes": ["read"]])
            #expect(blank.status.code / 100 == 4 && blank.errorField == "name")
            let expiry = try await server.request(.post, "/api/v1/keys", json: ["name": "x", "scopes": ["read"], "expiresInSeconds": 5])
            #expect(expiry.status.code / 100 == 4 && expiry.errorField == "expiresInSeconds")
            let grace = try await server.request(.post, "/api/v1/keys/nosuch/rotate", json: ["gracePeriodSeconds": -1])
            #expect(grace.status.code / 100 == 4)
        }
    }

    @Test("Another account neither sees nor revokes this account's keys")
    func isolation() async throws {
        try await TestServer.run { server in
            let other = try await server.makeAccount("other")
            let mine = try await server.makeKey(["read"])
            let id = try #require(try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue?.first { $0["name"] == "test key" }?["id"]?.stringValue)
            let theirs = try await server.request(.get, "/api/v1/keys", key: other).json["data"]?.arrayValue ?? []
            #expect(!theirs.contains { $0["id"]?.stringValue == id })
            #expect(try await server.request(.delete, "/api/v1/keys/\(id)", key: other).status == .notFound)
            #expect(try await server.request(.post, "/api/v1/keys/\(id)/rotate", key: other, json: [:]).status == .notFound)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: mine).status == .ok)
        }
    }

    @Test("Rotation gives a new key with the same name and scopes; the old one lasts for the grace period", arguments: TestDatabase.available)
    func rotation(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let old = try await server.makeKey(["read"], name: "dashboards")
            let id = try #require(try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue?.first { $0["name"] == "dashboards" }?["id"]?.stringValue)
            let rotated = try await server.request(.post, "/api/v1/keys/\(id)/rotate", raw: "")
            #expect(rotated.status == .created)
            let new = try #require(rotated.json["apiKey"]?.stringValue)
            #expect(rotated.json["key"]?["name"] == "dashboards" && rotated.json["key"]?["scopes"] == ["read"])
            let ends = try #require(rotated.json["replaced"]?["expiresAt"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(ends.timeIntervalSinceNow - 86_400) < 120)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: old).status == .ok)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: new).status == .ok)

            let newID = try #require(rotated.json["key"]?["id"]?.stringValue)
            let again = try await server.request(.post, "/api/v1/keys/\(newID)/rotate", json: ["gracePeriodSeconds": 0])
            let newest = try #require(again.json["apiKey"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: new).status == .unauthorized)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: newest).status == .ok)
        }
    }

    private func token(_ server: TestServer, key: String? = nil, _ body: JSONValue = [:]) async throws -> TestServer.Reply {
        try await server.request(.post, "/api/v1/auth/token", key: key, json: body)
    }

    @Test("A key is exchanged for a JWT that works as a bearer token with the key's scopes, or fewer")
    func exchange() async throws {
        try await TestServer.run { server in
            let issued = try await token(server)
            #expect(issued.status == .ok && issued.json["token_type"] == "Bearer" && issued.json["expires_in"] == 900 && issued.json["scope"] == "admin")
            let jwt = try #require(issued.json["access_token"]?.stringValue)
            // Its claims, read without the secret: the key it came from, the account and the scopes.
            let payload = try #require(jwt.split(separator: ".").dropFirst().first.flatMap { Self.base64URL(String($0)) })
            let claims = try JSONDecoder().decode(JSONValue.self, from: payload)
            #expect(claims["iss"] == "plexus" && claims["scope"] == "admin" && claims["sub"] != nil)
            let operatorKey = try await server.request(.get, "/api/v1/keys").json["data"]?.arrayValue?.first { $0["isOperator"] == true }
            #expect(claims["sub"] == operatorKey?["id"])
            #expect(claims["exp"]?.numberValue.map { $0 - (claims["iat"]?.numberValue ?? 0) } == 900)
            #expect(try await server.request(.post, "/api/v1/scorecards", key: jwt, json: TestServer.scorecard).status == .created)

            let narrow = try await token(server, ["scopes": ["read"], "expiresInSeconds": 120])
            #expect(narrow.json["scope"] == "read" && narrow.json["expires_in"] == 120)
            let reader = try #require(narrow.json["access_token"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: reader).status == .ok)
            #expect(try await server.request(.post, "/api/v1/scorecards", key: reader, json: TestServer.scorecard).errorCode == "insufficient_scope")

            let readKey = try await server.makeKey(["read"])
            let wider = try await token(server, key: readKey, ["scopes": ["write"]])
            #expect(wider.status == .forbidden && wider.errorCode == "insufficient_scope" && wider.errorField == "scopes")
            let fromToken = try await token(server, key: reader)
            #expect(fromToken.status == .forbidden && fromToken.errorCode == "token_not_exchangeable")
            let tooLong = try await token(server, ["expiresInSeconds": 86_401])
            #expect(tooLong.status.code / 100 == 4 && tooLong.errorField == "expiresInSeconds")
        }
    }

    @Test("A token is refused when altered, expired, signed by someone else, or once its key is revoked", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let key = try await server.makeKey(["read"], name: "to revoke")
            let jwt = try #require(try await token(server, key: key).json["access_token"]?.stringValue)
            var parts = jwt.split(separator: ".").map(String.init)
            parts[2] = String(parts[2].reversed())
            let altered = try await server.request(.get, "/api/v1/scorecards", key: parts.joined(separator: "."))
            #expect(altered.status == .unauthorized && altered.errorCode == "invalid_token")

            let account = try #require(try await server.store.account("default")).id
            let keyID = try #require(try await server.store.apiKeys(accountID: account).first { $0.name == "to revoke" }?.id)
            let secret = try await server.store.signingSecret()
            let expired = try await Self.sign(secret: secret, keyID: keyID, account: account.rawValue, issued: Date().addingTimeInterval(-600), lifetime: 300)
            let late = try await server.request(.get, "/api/v1/scorecards", key: expired)
            #expect(late.status == .unauthorized && late.errorCode == "invalid_token" && late.json["error"]?["message"]?.stringValue?.contains("expired") == true)
            let foreign = try await Self.sign(secret: "not the secret of this server, but just as long as one", keyID: keyID, account: account.rawValue, issued: Date(), lifetime: 300)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: foreign).errorCode == "invalid_token")
            let forged = try await Self.sign(secret: secret, keyID: keyID, account: "acc_other", issued: Date(), lifetime: 300)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: forged).errorCode == "invalid_token")

            #expect(try await server.request(.get, "/api/v1/scorecards", key: jwt).status == .ok)
            _ = try await server.request(.delete, "/api/v1/keys/\(keyID)")
            let revoked = try await server.request(.get, "/api/v1/scorecards", key: jwt)
            #expect(revoked.status == .unauthorized && revoked.errorCode == "invalid_token")
        }
    }

    @Test("The WebSocket takes a token as ?token=, never an API key")
    func webSocketToken() async throws {
        try await TestServer.run(live: true) { server in
            let jwt = try #require(try await token(server, ["scopes": ["read"]]).json["access_token"]?.stringValue)
            let keyInURL = try await server.request(.get, "/api/v1/ws?token=\(server.adminKey)", key: "")
            #expect(keyInURL.status == .unauthorized && keyInURL.errorCode == "invalid_token")
            let answer = Mutex<String?>(nil)
            try await server.client.ws("/api/v1/ws?token=\(jwt)") { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"subscribe","topic":"scorecard","id":"none"}"#))
                for try await frame in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = frame else { continue }
                    answer.withLock { $0 = text }
                    break
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
            let reply = try JSONDecoder().decode(JSONValue.self, from: Data(try #require(answer.withLock { $0 }).utf8))
            #expect(reply["type"] == "subscribed" || reply["type"] == "error", "\(reply)")
            #expect(reply["error"]?["code"] != "unauthorized")
        }
    }

    /// Signs a token as a server with `secret` would.
    private static func sign(secret: String, keyID: String, account: String, issued: Date, lifetime: TimeInterval) async throws -> String {
        struct Claims: JWTPayload {
            let iss: IssuerClaim, sub: SubjectClaim, acc: String, scope: String, iat: IssuedAtClaim, exp: ExpirationClaim
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let keys = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(Claims(
            iss: .init(value: "plexus"), sub: .init(value: keyID), acc: account, scope: "read",
            iat: .init(value: issued), exp: .init(value: issued.addingTimeInterval(lifetime))))
    }

    private static func base64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
