import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("Dashboard comparison of two evaluations")
struct ComparePageTests {
    /// Signs in with `key` (the admin key by default) and returns the session cookie.
    private func signIn(_ server: TestServer, key: String? = nil) async throws -> String {
        let body = "apiKey=" + (key ?? server.adminKey).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await server.client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: body)) { response in
            String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
    }

    private func page(_ server: TestServer, _ path: String, cookie: String) async throws -> (status: HTTPResponse.Status, html: String, location: String?) {
        try await server.client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
            (response.status, String(buffer: response.body), response.headers[.location])
        }
    }

    private func complete(_ server: TestServer, _ id: String) async throws {
        let reply = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["status": "COMPLETED", "progress": 1])
        #expect(reply.status == .ok, "\(reply.text)")
    }

    @Test("The page shows both accuracies, the difference, McNemar's counts and p-value, and a verdict", arguments: TestDatabase.available)
    func rendersNumbers(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let fixture = CompareFixture.standard
            let ids = try await fixture.store(on: server)
            let cookie = try await signIn(server)
            let reply = try await page(server, "/evaluations/\(ids.baseline)/compare/\(ids.candidate)", cookie: cookie)
            #expect(reply.status == .ok)
            let html = reply.html
            for expected in [
                String(format: "%.4f", fixture.baselineAccuracy), String(format: "%.4f", fixture.candidateAccuracy),
                "<span id=\"difference\">" + String(format: "%+.4f", fixture.candidateAccuracy - fixture.baselineAccuracy) + "</span>",
                "<span id=\"items\">\(fixture.outcomes.count)</span>", "<td>\(fixture.baselineOnly)</td>", "<td>\(fixture.candidateOnly)</td>",
                "<span id=\"exact-p\">" + String(format: "%.4g", fixture.exactPValue) + "</span>",
                fixture.exactPValue < 0.05 ? "significantly more accurate" : "not significant",
            ] {
                #expect(html.contains(expected), "\(expected)")
            }
        }
    }

    @Test("The evaluation page offers completed evaluations of the same score, and the form leads to the comparison")
    func compareForm() async throws {
        try await TestServer.run { server in
            let ids = try await CompareFixture.standard.store(on: server)
            let pending = try await CompareFixture.evaluation(on: server)
            try await complete(server, ids.candidate)
            let cookie = try await signIn(server)
            let evaluation = try await page(server, "/evaluations/\(ids.baseline)", cookie: cookie)
            #expect(evaluation.html.contains("<option value=\"\(ids.candidate)\">"))
            #expect(!evaluation.html.contains("<option value=\"\(pending)\">") && !evaluation.html.contains("<option value=\"\(ids.baseline)\">"))
            let submitted = try await page(server, "/evaluations/\(ids.baseline)/compare?candidate=\(ids.candidate)", cookie: cookie)
            #expect(submitted.status == .seeOther && submitted.location == "/evaluations/\(ids.baseline)/compare/\(ids.candidate)")
        }
    }

    @Test("Another account's evaluations are not found, and evaluations without common items explain why")
    func isolationAndNoCommonItems() async throws {
        try await TestServer.run { server in
            let ids = try await CompareFixture.standard.store(on: server)
            let other = try await server.makeAccount("other")
            let otherCookie = try await signIn(server, key: other)
            #expect(try await page(server, "/evaluations/\(ids.baseline)/compare/\(ids.candidate)", cookie: otherCookie).status == .notFound)
            let empty = try await CompareFixture.evaluation(on: server)
            let reply = try await page(server, "/evaluations/\(ids.baseline)/compare/\(empty)", cookie: try await signIn(server))
            #expect(reply.status == .unprocessableContent && reply.html.contains("share no"))
        }
    }
}
