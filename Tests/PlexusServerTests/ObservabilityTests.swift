import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PlexusCore
import PlexusServer
import Synchronization
import Testing

@Suite("Metrics, request IDs and structured logs")
struct ObservabilityTests {
    private static let requestIDHeader = HTTPField.Name("X-Request-ID")!

    private func metricsText(_ server: TestServer) async throws -> String {
        try await server.client.execute(uri: "/metrics", method: .get) { response in
            #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return String(buffer: response.body)
        }
    }

    @Test("Requests are counted by route template, method and status, and ingests by kind")
    func requestsAndIngest() async throws {
        // Live, so the services run: ingest counts come from the store's change stream.
        try await TestServer.run(live: true) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            _ = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": [TestServer.result("call-1"), TestServer.result("call-2")]])
            let created = try await server.request(.post, "/api/v1/score-results", json: TestServer.result("call-3")).json["id"]?.stringValue ?? ""
            _ = try await server.request(.get, "/api/v1/score-results/\(created)")
            _ = try await server.request(.get, "/api/v1/score-results/nope")
            _ = try await server.request(.get, "/no/such/route")
            let text = try await metricsText(server)
            #expect(text.contains(#"plexus_http_requests_total{method="POST",route="/api/v1/scorecards",status="201"} 1"#))
            #expect(text.contains(#"plexus_http_requests_total{method="GET",route="/api/v1/score-results/{id}",status="200"} 1"#))
            #expect(text.contains(#"plexus_http_requests_total{method="GET",route="/api/v1/score-results/{id}",status="404"} 1"#))
            #expect(text.contains(#"plexus_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
            #expect(text.contains("# TYPE plexus_http_request_duration_seconds histogram"))
            #expect(text.contains(#"plexus_build_info{version="\#(PlexusVersion.current)"} 1.0"#))
            #expect(text.contains("# TYPE plexus_jobs gauge") && text.contains("plexus_websocket_clients 0.0"))
            // Changes reach the counters through the change stream, a moment after the writes.
            var counted = text
            for _ in 0..<50 where !counted.contains("plexus_score_results_ingested_total 3") {
                try await Task.sleep(for: .milliseconds(50))
                counted = try await metricsText(server)
            }
            #expect(counted.contains("plexus_score_results_ingested_total 3") && counted.contains("plexus_items_ingested_total 3"))
        }
    }

    @Test("A client's X-Request-ID is echoed; a missing or unusable one is replaced by a new one")
    func requestIDs() async throws {
        try await TestServer.run { server in
            let echoed = try await server.client.execute(uri: "/health", method: .get, headers: [Self.requestIDHeader: "trace-7"]) {
                $0.headers[Self.requestIDHeader]
            }
            #expect(echoed == "trace-7")
            let generated = try await server.client.execute(uri: "/health", method: .get) { $0.headers[Self.requestIDHeader] }
            #expect(generated?.count == 36)
            let odd = try await server.client.execute(uri: "/health", method: .get, headers: [Self.requestIDHeader: String(repeating: "x", count: 500)]) {
                $0.headers[Self.requestIDHeader]
            }
            #expect(odd?.count == 36)
        }
    }

    @Test("A JSON log line is one object with the time, level, message and metadata, numbers as numbers")
    func jsonLines() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "plexus.test") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "request_id"] = "abc"
        logger.info("GET /health 200", metadata: ["status": .stringConvertible(200), "duration_ms": .stringConvertible(1.25), "route": "/health"])
        logger.debug("not written at the default level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].hasSuffix("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["message"] as? String == "GET /health 200" && object["level"] as? String == "info" && object["label"] as? String == "plexus.test")
        #expect(object["request_id"] as? String == "abc" && object["route"] as? String == "/health")
        #expect(object["status"] as? Int == 200 && object["duration_ms"] as? Double == 1.25)
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("The log format comes from the flag or PLEXUS_LOG_FORMAT, and anything but text or json is refused")
    func logFormatSetting() throws {
        #expect(try ServerConfiguration.resolve(environment: [:]).logFormat == .text)
        #expect(try ServerConfiguration.resolve(environment: ["PLEXUS_LOG_FORMAT": "json"]).logFormat == .json)
        #expect(try ServerConfiguration.resolve(logFormat: "text", environment: ["PLEXUS_LOG_FORMAT": "json"]).logFormat == .text)
        #expect(throws: DomainError.self) { try ServerConfiguration.resolve(logFormat: "yaml", environment: [:]) }
    }
}
