import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import Testing

@Suite("Performance page")
struct PerformancePageTests {
    @Test("The page shows the window's numbers and explains an empty window")
    func renders() async throws {
        try await TestServer.run { server in
            let headers: HTTPFields = [.cookie: "plexus_session=\(server.adminKey)"]
            let empty = try await server.client.execute(uri: "/performance", method: .get, headers: headers) { String(buffer: $0.body) }
            #expect(empty.contains("id=\"total-processed\">0<") && empty.contains("No items in this window yet"))
            let records: JSONValue = ["records": [
                ["processing_type": "full", "content_type": "chat", "quality_score": 0.8, "coherence": 0.7],
                ["processing_type": "early_exit", "content_type": "chat", "exit_checkpoint": "relevance", "exit_reason": "off-topic"],
            ]]
            #expect(try await server.request(.post, "/api/performance/record/batch", json: records).status == .ok)
            let page = try await server.client.execute(uri: "/performance?hours=168", method: .get, headers: headers) { response in
                (response.status, String(buffer: response.body))
            }
            #expect(page.0 == .ok)
            #expect(page.1.contains("id=\"total-processed\">2<") && page.1.contains("id=\"early-exit-rate\">50.0 %<"))
            #expect(page.1.contains("relevance") && page.1.contains("off-topic (1)") && page.1.contains("<svg"))
            #expect(page.1.contains("<strong>7 days</strong>"))
            let badWindow = try await server.client.execute(uri: "/performance?hours=0", method: .get, headers: headers) { $0.status }
            #expect(badWindow == .badRequest)
        }
    }
}
