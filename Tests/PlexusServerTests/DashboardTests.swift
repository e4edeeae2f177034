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

    @Test("Pages name items by external ID and scores by name, list each evaluation's score, and show relative times with the exact time")
    func namesAndTimes() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let evaluation = try #require(try await server.request(.post, "/api/v1/evaluations", json: [
                "scorecardKey": "call-qa", "scoreKey": "greeting", "type": "simulation",
            ]).json["id"]?.stringValue)
            _ = try await server.request(.patch, "/api/v1/evaluations/\(evaluation)", json: ["accuracy": 0.5])
            let explanation = String(repeating: "word ", count: 60)
            _ = try await server.request(.post, "/api/v1/score-results", json: [
                "scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-77", "value": "Yes", "explanation": .string(explanation),
            ])
            let cookie = try await signIn(server)
            let overview = try await page(server, "/", cookie: cookie).1
            #expect(overview.contains(">call-77</a>") && overview.contains(">Greeting</a>"))
            // "just now", or "8 s ago" on a machine slow enough to take that long between the write and the page.
            #expect(overview.contains("<time datetime=\"") && overview.contains(" UTC\">"))
            #expect(overview.contains("just now</time>") || overview.contains(" s ago</time>"))
            #expect(overview.contains("word word…") && !overview.contains(explanation))
            #expect(overview.contains("<span class=\"tag\">simulated</span>"))
            let card = try await page(server, "/scorecards/call-qa", cookie: cookie).1
            #expect(card.contains("simulated</span>"), "a simulated accuracy is labelled as such")
            let item = try await page(server, "/items?q=call-77", cookie: cookie).1
            let itemID = try #require(item.components(separatedBy: "href=\"/items/").dropFirst().first?.prefix { $0 != "\"" })
            #expect(try await page(server, "/items/\(itemID)", cookie: cookie).1.contains(">Greeting</a>"))
        }
    }

    @Test("A real evaluation's accuracy is preferred over a newer simulation's on the scorecard page")
    func latestAccuracyPrefersRealEvaluations() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            for (type, accuracy) in [("evaluation", 0.91), ("simulation", 0.42)] {
                let id = try #require(try await server.request(.post, "/api/v1/evaluations", json: [
                    "scorecardKey": "call-qa", "scoreKey": "greeting", "type": .string(type),
                ]).json["id"]?.stringValue)
                _ = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["accuracy": .number(accuracy)])
            }
            let cookie = try await signIn(server)
            let card = try await page(server, "/scorecards/call-qa", cookie: cookie).1
            let scoresTable = try #require(card.components(separatedBy: "<h2>Evaluations</h2>").first)
            #expect(scoresTable.contains(">0.910</a>") && !scoresTable.contains(">0.420</a>"))
        }
    }

    @Test("A browser asking for an unknown path gets an HTML page; API clients keep the JSON error")
    func notFoundForBrowsers() async throws {
        try await TestServer.run { server in
            let html = try await server.client.execute(uri: "/no/such/page", method: .get, headers: [.accept: "text/html,application/xhtml+xml"]) { response in
                (response.status, response.headers[.contentType], String(buffer: response.body))
            }
            #expect(html.0 == .notFound && html.1?.hasPrefix("text/html") == true && html.2.contains("Nothing at this address"))
            let json = try await server.request(.get, "/no/such/page")
            #expect(json.status == .notFound && json.errorCode == "route_not_found")
        }
    }

    @Test("The icon is served, every page links it, and the seed's /dashboard path leads to the performance page")
    func iconAndSeedPath() async throws {
        try await TestServer.run { server in
            let icon = try await server.client.execute(uri: "/favicon.svg", method: .get) { ($0.status, $0.headers[.contentType], String(buffer: $0.body)) }
            #expect(icon.0 == .ok && icon.1 == "image/svg+xml" && icon.2.hasPrefix("<svg"))
            #expect(try await page(server, "/favicon.ico", cookie: nil).0 == .ok)
            let cookie = try await signIn(server)
            #expect(try await page(server, "/", cookie: cookie).1.contains("rel=\"icon\" href=\"/favicon.svg\""))
            #expect(try await page(server, "/login", cookie: nil).1.contains("rel=\"icon\""))
            let dashboard = try await page(server, "/dashboard?hours=168", cookie: cookie)
            #expect(dashboard.0 == .seeOther && dashboard.2 == "/performance?hours=168")
        }
    }
}

