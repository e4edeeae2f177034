import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusServer
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Pipeline performance API")
struct PerformanceRouteTests {
    private static let readPaths = [
        "/api/performance/", "/api/performance/metrics/summary", "/api/performance/content-types",
        "/api/performance/checkpoints", "/api/performance/quality-trends",
    ]

    /// A record as a pipeline sends it, `hoursAgo` hours before now.
    private static func record(_ type: String = "full", hoursAgo: Double = 0.5, _ fields: [String: JSONValue] = [:]) -> JSONValue {
        var record: [String: JSONValue] = [
            "processing_type": .string(type), "timestamp": .string(PlexusJSON.formatDate(Date().addingTimeInterval(-hoursAgo * 3600))),
        ]
        record.merge(fields) { _, new in new }
        return .object(record)
    }

    private func total(_ server: TestServer, key: String? = nil, hours: Int = 8760) async throws -> Double? {
        try await server.request(.get, "/api/performance/metrics/summary?hours=\(hours)", key: key).json["total_processed"]?.numberValue
    }

    @Test("A record and a batch are acknowledged and show up in every aggregate under the seed's keys", arguments: TestDatabase.available)
    func recordAndRead(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let single = try await server.request(.post, "/api/performance/record", json: [
                "processing_type": "lightweight", "content_type": "email", "quality_score": 0.6, "processing_time": 1.5, "time_saved_pct": 50,
            ])
            #expect(single.status == .ok && single.json == ["status": "recorded"])
            let batch = try await server.request(.post, "/api/performance/record/batch", json: ["records": [
                Self.record("early_exit", ["exit_checkpoint": "pre_check", "exit_reason": "short", "exit_confidence": 0.9]),
                Self.record("full", ["content_type": "email", "coherence": 0.5, "completeness": 0.7, "informativeness": 0.9]),
            ]])
            #expect(batch.status == .ok && batch.json == ["status": "recorded", "count": 2])

            let overview = try await server.request(.get, "/api/performance/")
            #expect(overview.status == .ok && overview.json["hours"] == 24)
            let summary = try #require(overview.json["overall_metrics"])
            #expect(Set(summary.objectValue?.keys.map { $0 } ?? []) == [
                "total_processed", "quality_bypassed", "early_exits", "full_processing", "bypass_rate", "early_exit_rate",
                "avg_time_savings", "total_time_saved_hours",
            ])
            #expect(summary["total_processed"] == 3 && summary["quality_bypassed"] == 1 && summary["early_exits"] == 1)
            #expect(summary["avg_time_savings"] == 50 && summary["total_time_saved_hours"] == .number(1.5 / 3600))
            let email = try #require(overview.json["content_type_breakdown"]?.elements.first)
            #expect(email == ["content_type": "email", "count": 2, "bypass_rate": 0.5, "avg_quality_score": 0.6, "avg_processing_time": 1.5])
            #expect(overview.json["content_type_breakdown"]?.elements.last == ["content_type": nil, "count": 1, "bypass_rate": 0, "avg_quality_score": nil, "avg_processing_time": nil])
            #expect(overview.json["checkpoint_analytics"] == [[
                "checkpoint_name": "pre_check", "exit_count": 1, "exit_rate": 1, "avg_confidence": 0.9,
                "top_exit_reasons": [["reason": "short", "count": 1]],
            ]])
            let hours = overview.json["quality_trends"]?.elements ?? []
            #expect(hours.map { $0["items_processed"]?.numberValue ?? 0 }.reduce(0, +) == 3)
            #expect(Set(hours.first?.objectValue?.keys.map { $0 } ?? []) == [
                "timestamp", "avg_quality_score", "coherence_score", "completeness_score", "informativeness_score", "items_processed",
            ])
            #expect(hours.allSatisfy { $0["timestamp"]?.stringValue?.contains(":00:00") == true })

            // Each part has its own route, answering what the overview holds; no trailing slash works too.
            #expect(try await server.request(.get, "/api/performance").json == overview.json)
            #expect(try await server.request(.get, "/api/performance/metrics/summary").json == summary)
            // The list routes answer an object holding the same rows under the same key as the overview.
            for (path, key) in [("content-types", "content_type_breakdown"), ("checkpoints", "checkpoint_analytics"), ("quality-trends", "quality_trends")] {
                let part = try await server.request(.get, "/api/performance/\(path)").json
                #expect(part == .object(["hours": 24, key: overview.json[key] ?? .null]), "\(path)")
            }
        }
    }

    @Test("hours bounds the window; anything but 1–8760 is a 400 naming hours")
    func hours() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/performance/record/batch", json: ["records": [
                Self.record(hoursAgo: 2), Self.record(hoursAgo: 30), Self.record(hoursAgo: 24 * 400),
            ]])
            #expect(try await server.request(.get, "/api/performance/metrics/summary").json["total_processed"] == 1)
            #expect(try await total(server, hours: 1) == 0)
            #expect(try await total(server, hours: 24) == 1)
            #expect(try await total(server, hours: 48) == 2)
            #expect(try await total(server, hours: 8760) == 2)
            for path in Self.readPaths {
                for bad in ["0", "8761", "-3", "1.5", "abc"] {
                    let reply = try await server.request(.get, "\(path)?hours=\(bad)")
                    #expect(reply.status == .badRequest && reply.errorField == "hours", "\(path)?hours=\(bad)")
                }
            }
        }
    }

    @Test("A bad value in any field is a 400 naming it, and nothing is stored", arguments: [
        (["processing_type": "turbo"], "processing_type"),
        (["processing_type": 3], "processing_type"),
        (["content_type": "email"], "processing_type"),
        (["processing_type": "full", "quality_score": 1.5], "quality_score"),
        (["processing_type": "full", "quality_score": "high"], "quality_score"),
        (["processing_type": "full", "processing_time": -0.1], "processing_time"),
        (["processing_type": "early_exit", "exit_confidence": 1.01], "exit_confidence"),
        (["processing_type": "lightweight", "time_saved_pct": 100.5], "time_saved_pct"),
        (["processing_type": "lightweight", "time_saved_pct": -1], "time_saved_pct"),
        (["processing_type": "full", "coherence": -0.2], "coherence"),
        (["processing_type": "full", "completeness": 2], "completeness"),
        (["processing_type": "full", "informativeness": 7], "informativeness"),
        (["processing_type": "full", "timestamp": "yesterday"], "timestamp"),
        (["processing_type": "full", "timestamp": .string(PlexusJSON.formatDate(Date().addingTimeInterval(3600)))], "timestamp"),
        (["processing_type": "full", "content_type": .string(String(repeating: "x", count: 501))], "content_type"),
        (["processing_type": "early_exit", "exit_checkpoint": .string(String(repeating: "x", count: 501))], "exit_checkpoint"),
        (["processing_type": "early_exit", "exit_reason": .string(String(repeating: "x", count: 501))], "exit_reason"),
    ] as [(JSONValue, String)])
    func badField(record: JSONValue, field: String) async throws {
        try await TestServer.run { server in
            let single = try await server.request(.post, "/api/performance/record", json: record)
            #expect(single.status == .badRequest && single.errorField == field, "\(single.text)")
            #expect(single.json["error"]?["message"]?.stringValue?.isEmpty == false)
            let batch = try await server.request(.post, "/api/performance/record/batch", json: ["records": [
                Self.record(), Self.record(), Self.record(), record,
            ]])
            #expect(batch.status == .badRequest && batch.errorField == "records[3].\(field)", "\(batch.text)")
            #expect(try await total(server) == 0)
        }
    }

    @Test("Malformed, empty and oversized batches are refused whole")
    func badBatches() async throws {
        try await TestServer.run { server in
            let broken = try await server.request(.post, "/api/performance/record/batch", raw: #"{"records": [ {"processing_type": "full""#)
            #expect(broken.status == .badRequest && broken.errorCode == "malformed_json")
            let empty = try await server.request(.post, "/api/performance/record/batch", json: ["records": []])
            #expect(empty.status == .badRequest && empty.errorField == "records")
            let missing = try await server.request(.post, "/api/performance/record/batch", json: [:])
            #expect(missing.status == .badRequest && missing.errorField == "records")
            let over = try await server.request(.post, "/api/performance/record/batch", json: [
                "records": .array(Array(repeating: ["processing_type": "full"], count: 10_001)),
            ])
            #expect(over.status == .badRequest && over.errorField == "records")
            for body in ["null", "[]", "42", "{}", #"{"records": null}"#, #"{"records": [null]}"#, "\u{0}", #"{"processing_type": "full", "quality_score": 1e999}"#] {
                for path in ["/api/performance/record", "/api/performance/record/batch"] {
                    let reply = try await server.request(.post, path, raw: body)
                    #expect(reply.status.code >= 400 && reply.status.code < 500, "\(path) \(body) → \(reply.status)")
                }
            }
            #expect(try await total(server) == 0)
        }
    }

    @Test("Another account's key sees none of the records and cannot reset them", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await TestServer.run(database, configuration: ServerConfiguration(allowReset: true)) { server in
            _ = try await server.request(.post, "/api/performance/record/batch", json: ["records": [
                Self.record("early_exit", ["exit_checkpoint": "pre_check", "content_type": "email"]), Self.record(),
            ]])
            let other = try await server.makeAccount("other")
            #expect(try await total(server, key: other) == 0)
            let overview = try await server.request(.get, "/api/performance/", key: other).json
            #expect(overview["content_type_breakdown"] == [] && overview["checkpoint_analytics"] == [] && overview["quality_trends"] == [])
            let reset = try await server.request(.delete, "/api/performance/reset", key: other)
            #expect(reset.status == .ok && reset.json["deleted"] == 0)
            _ = try await server.request(.post, "/api/performance/record", key: other, json: Self.record())
            #expect(try await total(server, key: other) == 1)
            #expect(try await total(server) == 2)
        }
    }

    @Test("Reset is a 404 unless the server allows it")
    func resetDisabled() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/performance/record", json: Self.record())
            let other = try await server.makeAccount("other")
            for key in [server.adminKey, other] {
                let reply = try await server.request(.delete, "/api/performance/reset", key: key)
                #expect(reply.status == .notFound && reply.errorCode == "reset_disabled")
            }
            #expect(try await total(server) == 1)
        }
    }

    @Test("With --allow-reset, an admin-scope key deletes its own account's records and no one else's; a write key may not", arguments: TestDatabase.available)
    func resetAllowed(database: TestDatabase) async throws {
        try await TestServer.run(database, configuration: ServerConfiguration(allowReset: true)) { server in
            let other = try await server.makeAccount("other")
            _ = try await server.request(.post, "/api/performance/record/batch", json: ["records": [Self.record(), Self.record(), Self.record()]])
            _ = try await server.request(.post, "/api/performance/record", key: other, json: Self.record())
            let writer = try await server.makeKey(["write"])
            let refused = try await server.request(.delete, "/api/performance/reset", key: writer)
            #expect(refused.status == .forbidden && refused.errorCode == "insufficient_scope")
            #expect(try await total(server) == 3)
            let reset = try await server.request(.delete, "/api/performance/reset")
            #expect(reset.status == .ok && reset.json == ["status": "reset", "deleted": 3])
            #expect(try await total(server) == 0)
            #expect(try await total(server, key: other) == 1)
        }
    }

    @Test("The OpenAPI document describes every performance route and its snake_case bodies")
    func documented() async throws {
        try await TestServer.run { server in
            let document = try await server.request(.get, "/openapi.json").json
            let paths = Set(document["paths"]?.objectValue?.keys.filter { $0.hasPrefix("/api/performance") } ?? [])
            #expect(paths == [
                "/api/performance", "/api/performance/record", "/api/performance/record/batch", "/api/performance/metrics/summary",
                "/api/performance/content-types", "/api/performance/checkpoints", "/api/performance/quality-trends", "/api/performance/reset",
            ])
            let record = document["components"]?["schemas"]?["PerformanceRecord"]
            #expect(record?["required"] == ["processing_type"])
            // Optional fields may also be null: {"anyOf": [schema, {"type": "null"}]}.
            #expect(record?["properties"]?["time_saved_pct"]?["anyOf"]?[0]?["maximum"] == 100)
        }
    }
}

private extension JSONValue {
    var elements: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }
}
