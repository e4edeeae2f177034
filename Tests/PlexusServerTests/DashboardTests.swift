import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import Testing

@Suite("Dashboard pages")
struct DashboardTests {
    /// Signs in with the admin key and returns the session cookie.
    private func signIn(_ server: TestServer, key: String? = nil) async throws -> String {
        let body = "apiKey=" + (key ?? server.adminKey).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await server.client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: body)) { response in
            #expect(response.status == .seeOther && response.headers[.location] == "/")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            return String(cookie.split(separator: ";")[0])
        }
    }

    private func page(_ server: TestServer, _ path: String, cookie: String?) async throws -> (HTTPResponse.Status, String, String?) {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await server.client.execute(uri: path, method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body), response.headers[.location])
        }
    }

    @Test("Pages need a session; a wrong key is refused and signing out revokes the session")
    func signInAndOut() async throws {
        try await TestServer.run { server in
            let (status, _, location) = try await page(server, "/", cookie: nil)
            #expect(status == .seeOther && location == "/login")
            let login = try await page(server, "/login", cookie: nil)
            #expect(login.0 == .ok && login.1.contains("name=\"apiKey\""))
            let wrong = try await server.client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "apiKey=nope")) { $0.status }
            #expect(wrong == .unauthorized)
            let cookie = try await signIn(server)
            #expect(try await page(server, "/", cookie: cookie).0 == .ok)
            // The session also authenticates the API (the browser's WebSocket relies on it).
            #expect(try await page(server, "/api/v1/scorecards", cookie: cookie).0 == .ok)
            _ = try await server.client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie]) { $0.status }
            #expect(try await page(server, "/", cookie: cookie).0 == .seeOther)
        }
    }

    @Test("Every page renders the account's data, escaped, and only that account's")
    func pagesRender() async throws {
        try await TestServer.run { server in
            var scorecard = TestServer.scorecard
            if case .object(var members) = scorecard {
                members["description"] = "<script>alert(1)</script>"
                scorecard = .object(members)
            }
            _ = try await server.request(.post, "/api/v1/scorecards", json: scorecard)
            let evaluation = try #require(try await server.request(.post, "/api/v1/evaluations", json: ["scorecardKey": "call-qa", "scoreKey": "greeting"]).json["id"]?.stringValue)
            let results: JSONValue = .array((0..<20).map { index in
                ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string("call-\(index)"), "value": index % 4 == 0 ? "No" : "Yes",
                 "evaluationId": .string(evaluation), "explanation": "because", "metadata": ["trueValue": "Yes"]]
            })
            _ = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": results])
            let cookie = try await signIn(server)

            let overview = try await page(server, "/", cookie: cookie)
            #expect(overview.1.contains("<div class=\"value\">20</div>"))
            let card = try await page(server, "/scorecards/call-qa", cookie: cookie)
            #expect(card.0 == .ok && card.1.contains("&lt;script&gt;") && !card.1.contains("<script>alert"))
            let detail = try await page(server, "/evaluations/\(evaluation)", cookie: cookie)
            #expect(detail.0 == .ok && detail.1.contains("<svg") && detail.1.contains("data-live-evaluation=\"\(evaluation)\""))
            #expect(detail.1.components(separatedBy: "because").count - 1 == 5)
            let items = try await page(server, "/items?q=call-1", cookie: cookie)
            #expect(items.1.contains("call-1") && items.1.contains("call-19") && !items.1.contains(">call-2<"))
            #expect(try await page(server, "/scorecards", cookie: cookie).1.contains("call-qa"))
            let score = try await page(server, "/scorecards/call-qa/scores/greeting?value=No", cookie: cookie)
            #expect(score.0 == .ok && score.1.components(separatedBy: "<td>No</td>").count - 1 == 5 && !score.1.contains("<td>Yes</td>"))
            #expect(score.1.contains("<strong>No</strong>") && score.1.contains(String(evaluation.suffix(8))))
            #expect(try await page(server, "/evaluations/nope", cookie: cookie).0 == .notFound)

            let other = try await server.makeAccount("other")
            let otherCookie = try await signIn(server, key: other)
            #expect(try await page(server, "/evaluations/\(evaluation)", cookie: otherCookie).0 == .notFound)
            #expect(try await page(server, "/scorecards/call-qa", cookie: otherCookie).0 == .notFound)
            #expect(!(try await page(server, "/items", cookie: otherCookie).1.contains("call-1")))
        }
    }

    @Test("Empty states explain what to do")
    func emptyStates() async throws {
        try await TestServer.run { server in
            let cookie = try await signIn(server)
            #expect(try await page(server, "/scorecards", cookie: cookie).1.contains("No scorecards yet"))
            #expect(try await page(server, "/", cookie: cookie).1.contains("No evaluations yet"))
        }
    }
}
