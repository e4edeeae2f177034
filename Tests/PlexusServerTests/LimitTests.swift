import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusServer
import Testing

@Suite("Rate limits, CORS and the dashboard's page security")
struct LimitTests {
    @Test("A key past its burst gets 429 with Retry-After and RateLimit headers; other keys are not affected")
    func perKeyLimit() async throws {
        var configuration = ServerConfiguration()
        configuration.rateLimit = RateLimit(requestsPerSecond: 0.001, burst: 3)
        try await TestServer.run(configuration: configuration) { server in
            let other = try await server.makeAccount("other")
            let first = try await server.request(.get, "/api/v1/scorecards")
            #expect(first.status == .ok && first.headers[HTTPField.Name("RateLimit-Limit")!] == "3")
            // The account was made with this key, so one token is gone already.
            #expect(first.headers[HTTPField.Name("RateLimit-Remaining")!] == "1")
            _ = try await server.request(.get, "/api/v1/scorecards")
            let limited = try await server.request(.get, "/api/v1/scorecards")
            #expect(limited.status == .tooManyRequests && limited.errorCode == "rate_limited")
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect(retryAfter >= 900)
            #expect(limited.headers[HTTPField.Name("RateLimit-Remaining")!] == "0")
            #expect(limited.headers[HTTPField.Name("RateLimit-Reset")!].flatMap { Int($0) }.map { $0 >= 1 } == true)
            #expect(try await server.request(.get, "/api/v1/scorecards", key: other).status == .ok)
            // Health and metrics are for probes and scrapers, outside any key's bucket.
            #expect(try await server.request(.get, "/health", key: "").status == .ok)
        }
    }

    @Test("An account's own limit replaces the server's for its keys, and null restores the default")
    func accountLimit() async throws {
        try await TestServer.run { server in
            let other = try await server.makeAccount("other")
            let set = try await server.request(.patch, "/api/v1/accounts/other", key: other, json: ["rateLimit": ["requestsPerSecond": 0.001, "burst": 2]])
            #expect(set.status == .ok && set.json["rateLimit"]?["burst"] == 2)
            _ = try await server.request(.get, "/api/v1/scorecards", key: other)
            _ = try await server.request(.get, "/api/v1/scorecards", key: other)
            let limited = try await server.request(.get, "/api/v1/scorecards", key: other)
            #expect(limited.status == .tooManyRequests && limited.headers[HTTPField.Name("RateLimit-Limit")!] == "2")
            #expect(try await server.request(.get, "/api/v1/scorecards").status == .ok)

            let bad = try await server.request(.patch, "/api/v1/accounts/other", json: ["rateLimit": ["requestsPerSecond": 0, "burst": 2]])
            #expect(bad.status == .badRequest && bad.errorField == "rateLimit.requestsPerSecond")
            let reset = try await server.request(.patch, "/api/v1/accounts/other", json: ["rateLimit": .null])
            #expect(reset.status == .ok && reset.json["rateLimit"] == nil)
            let reader = try await server.makeKey(["read"])
            #expect(try await server.request(.patch, "/api/v1/accounts/default", key: reader, json: ["name": "x"]).errorCode == "insufficient_scope")
            #expect(try await server.request(.patch, "/api/v1/accounts/default", key: other, json: ["name": "x"]).status == .notFound)
        }
    }

    private func signIn(_ server: TestServer, key: String, origin: String? = "http://localhost") async throws -> (HTTPResponse.Status, HTTPFields) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        let body = "apiKey=" + key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await server.client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body)) { ($0.status, $0.headers) }
    }

    @Test("Sign-in is limited per client address: guesses past the burst get 429 even with the right key")
    func signInLimit() async throws {
        var configuration = ServerConfiguration()
        configuration.signInLimit = RateLimit(requestsPerSecond: 0.001, burst: 4)
        try await TestServer.run(configuration: configuration) { server in
            for guess in 0..<4 { #expect(try await signIn(server, key: "plx_guess\(guess)").0 == .unauthorized) }
            let (status, headers) = try await signIn(server, key: server.adminKey)
            #expect(status == .tooManyRequests && headers[.retryAfter] != nil && headers[.setCookie] == nil)
        }
    }

    @Test("Dashboard forms refuse posts from another site; pages carry a strict CSP and frame, sniffing and referrer headers")
    func pageSecurity() async throws {
        try await TestServer.run { server in
            let (crossSite, _) = try await signIn(server, key: server.adminKey, origin: "https://evil.example")
            #expect(crossSite == .forbidden)
            let (sameSite, headers) = try await signIn(server, key: server.adminKey)
            #expect(sameSite == .seeOther)
            let cookie = try #require(headers[.setCookie]).split(separator: ";")[0]
            let logout = try await server.client.execute(uri: "/logout", method: .post, headers: [.cookie: String(cookie), .origin: "https://evil.example"]) { $0.status }
            #expect(logout == .forbidden)
            #expect(try await server.client.execute(uri: "/", method: .get, headers: [.cookie: String(cookie)]) { $0.status } == .ok)

            for path in ["/login", "/docs"] {
                let page = try await server.client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(server.adminKey)"]) { $0.headers }
                let policy = try #require(page[.contentSecurityPolicy], "\(path)")
                let scripts = try #require(policy.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") })
                #expect(!scripts.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(page[.xContentTypeOptions] == "nosniff" && page[HTTPField.Name("X-Frame-Options")!] == "DENY" && page[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test("CORS is off by default; configured origins get allow headers and preflight answers, others nothing")
    func cors() async throws {
        try await TestServer.run { server in
            let headers = try await server.client.execute(
                uri: "/api/v1/scorecards", method: .get, headers: [.origin: "https://app.example", .authorization: "Bearer \(server.adminKey)"]) { $0.headers }
            #expect(headers[.accessControlAllowOrigin] == nil)
        }
        var configuration = ServerConfiguration()
        configuration.corsOrigins = ["https://app.example"]
        try await TestServer.run(configuration: configuration) { server in
            let preflight = try await server.client.execute(
                uri: "/api/v1/scorecards", method: .options,
                headers: [.origin: "https://app.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "authorization, content-type"]) { $0 }
            #expect(preflight.status == .noContent && preflight.headers[.accessControlAllowOrigin] == "https://app.example")
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            let allowed = try await server.client.execute(
                uri: "/api/v1/scorecards", method: .get, headers: [.origin: "https://app.example", .authorization: "Bearer \(server.adminKey)"]) { $0.headers }
            #expect(allowed[.accessControlAllowOrigin] == "https://app.example" && allowed[.accessControlExposeHeaders]?.contains("Retry-After") == true)
            let other = try await server.client.execute(
                uri: "/api/v1/scorecards", method: .get, headers: [.origin: "https://evil.example", .authorization: "Bearer \(server.adminKey)"]) { $0.headers }
            #expect(other[.accessControlAllowOrigin] == nil)
            let otherPreflight = try await server.client.execute(
                uri: "/api/v1/scorecards", method: .options, headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"]) { $0.headers }
            #expect(otherPreflight[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("Limits, CORS origins, the token lifetime and the prediction log rate come from the environment; bad values name their variable")
    func environment() throws {
        let configuration = try ServerConfiguration.resolve(environment: [
            "PLEXUS_RATE_LIMIT_PER_SECOND": "20", "PLEXUS_RATE_LIMIT_BURST": "40",
            "PLEXUS_CORS_ORIGINS": "https://a.example, https://b.example", "PLEXUS_TOKEN_LIFETIME_SECONDS": "300",
            "PLEXUS_PREDICTION_LOG_RATE": "0.25",
        ])
        #expect(configuration.predictionLogRate == 0.25)
        #expect(configuration.rateLimit == RateLimit(requestsPerSecond: 20, burst: 40))
        #expect(configuration.corsOrigins == ["https://a.example", "https://b.example"] && configuration.tokenLifetime == .seconds(300))
        let defaults = try ServerConfiguration.resolve(environment: [:])
        #expect(defaults.rateLimit == RateLimit(requestsPerSecond: 2_000, burst: 5_000) && defaults.corsOrigins.isEmpty && defaults.tokenLifetime == .seconds(900))
        #expect(defaults.predictionLogRate == 1)
        for (name, value) in [("PLEXUS_RATE_LIMIT_PER_SECOND", "fast"), ("PLEXUS_RATE_LIMIT_BURST", "0"), ("PLEXUS_TOKEN_LIFETIME_SECONDS", "5"),
                              ("PLEXUS_PREDICTION_LOG_RATE", "2")] {
            let error = #expect(throws: DomainError.self) { _ = try ServerConfiguration.resolve(environment: [name: value]) }
            #expect(error?.field == name && error?.message.contains(name) == true, "\(String(describing: error))")
        }
    }
}
