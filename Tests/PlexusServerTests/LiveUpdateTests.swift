import Foundation
import Hummingbird
import HummingbirdWSTesting
import PlexusCore
import Synchronization
import Testing
import WSClient

@Suite("Live updates over the WebSocket")
struct LiveUpdateTests {
    /// Opens the socket with `key`, sends `messages`, calls `act` once the server confirmed the
    /// subscriptions, and returns every message received until `enough` says stop.
    private func listen(
        _ server: TestServer, key: String, send messages: [String], act: @escaping @Sendable () async throws -> Void = {},
        until enough: @escaping @Sendable ([JSONValue]) -> Bool
    ) async throws -> [JSONValue] {
        let received = Received()
        let configuration = WebSocketClientConfiguration(additionalHeaders: [.authorization: "Bearer \(key)"])
        let session: @Sendable () async throws -> Void = {
            try await server.client.ws("/api/v1/ws", configuration: configuration) { inbound, outbound, _ in
                for message in messages { try await outbound.write(.text(message)) }
                var acted = false
                for try await frame in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = frame else { continue }
                    let all = received.append(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
                    if !acted, all.filter({ $0["type"] == "subscribed" || $0["type"] == "error" }).count == messages.count {
                        acted = true
                        try await act()
                    }
                    if enough(all) { break }
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
        // A deadline against hangs (generous for a busy machine): a missing message fails the test instead.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                throw SocketDeadline(received: received.all)
            }
            group.addTask { try await session() }
            try await group.next()
            group.cancelAll()
        }
        return received.all
    }

    private func prepareEvaluation(_ server: TestServer) async throws -> String {
        _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
        let evaluation = try await server.request(.post, "/api/v1/evaluations", json: ["scorecardKey": "call-qa"])
        return try #require(evaluation.json["id"]?.stringValue)
    }

    @Test("A subscriber sees an evaluation's progress as it is updated")
    func evaluationUpdates() async throws {
        try await TestServer.run(live: true) { server in
            let id = try await prepareEvaluation(server)
            let messages = try await listen(server, key: server.adminKey, send: [#"{"type":"subscribe","topic":"evaluation","id":"\#(id)"}"#], act: {
                _ = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["status": "RUNNING", "progress": 0.25])
                _ = try await server.request(.patch, "/api/v1/evaluations/\(id)", json: ["progress": 0.5, "accuracy": 0.9])
            }, until: { $0.filter { $0["type"] == "evaluation.updated" }.count == 2 })
            let updates = messages.filter { $0["type"] == "evaluation.updated" }
            #expect(updates.map { $0["evaluation"]?["progress"] } == [0.25, 0.5])
            #expect(updates.last?["evaluation"]?["accuracy"] == 0.9)
        }
    }

    @Test("New score results reach the scorecard's subscribers as summed counts")
    func scoreResultsBatched() async throws {
        try await TestServer.run(live: true) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let scorecardID = try #require(try await server.request(.get, "/api/v1/scorecards/call-qa").json["id"]?.stringValue)
            let messages = try await listen(server, key: server.adminKey, send: [#"{"type":"subscribe","topic":"scorecard","id":"\#(scorecardID)"}"#], act: {
                for batch in 0..<5 {
                    let results: JSONValue = .array((0..<20).map { TestServer.result("b\(batch)-\($0)") })
                    _ = try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": results])
                }
            }, until: { messages in
                messages.filter { $0["type"] == "score_result.created" }.compactMap { $0["count"]?.numberValue }.reduce(0, +) >= 100
            })
            let created = messages.filter { $0["type"] == "score_result.created" }
            // Summing per interval is timing-dependent here; BroadcasterTests checks it exactly.
            #expect(created.compactMap { $0["count"]?.numberValue }.reduce(0, +) == 100)
            #expect(created.allSatisfy { $0["scorecardId"]?.stringValue == scorecardID })
        }
    }

    @Test("Alert subscribers hear alerts raised by a monitor run and acknowledged by someone")
    func alerts() async throws {
        try await TestServer.run(live: true) { server in
            let monitorID = try await WebhookTests.firingMonitor(server)
            let messages = try await listen(server, key: server.adminKey, send: [#"{"type":"subscribe","topic":"alerts"}"#], act: {
                let run = try await server.request(.post, "/api/v1/monitors/\(monitorID)/run")
                let alertID = try #require(run.json["alerts"]?[0]?["alert"]?["id"]?.stringValue)
                _ = try await server.request(.post, "/api/v1/alerts/\(alertID)/acknowledge")
                _ = try await server.request(.post, "/api/v1/alerts/\(alertID)/resolve")
            }, until: { $0.contains { $0["type"] == "alert.resolved" } })
            let events = messages.filter { $0["type"]?.stringValue?.hasPrefix("alert.") == true }
            #expect(events.map { $0["type"] } == ["alert.raised", "alert.updated", "alert.resolved"])
            #expect(events.map { $0["alert"]?["state"] } == ["open", "acknowledged", "resolved"])
            #expect(events.first?["alert"]?["monitorName"] == "always firing")
        }
    }

    @Test("A model's subscribers hear the alerts of a monitor of what drives it")
    func explanationMonitorAlerts() async throws {
        try await TestServer.run(live: true) { server in
            let drifting = try await ModelMonitoringRouteTests.driftingExplanationMonitor(on: server)
            let messages = try await listen(server, key: server.adminKey, send: [#"{"type":"subscribe_model","model_id":"tree"}"#], act: {
                _ = try await server.request(.post, "/api/v1/monitors/\(drifting.id)/run")
            }, until: { $0.filter { $0["type"] == "alert.raised" }.count == 2 })
            let raised = messages.filter { $0["type"] == "alert.raised" }
            #expect(raised.allSatisfy { $0["model_id"] == "tree" && $0["alert"]?["monitorName"] == "what drives tree" })
            #expect(Set(raised.compactMap { $0["alert"]?["rule"]?.stringValue }) == ["column_drift:\(drifting.driver)", "metric_change:\(drifting.driver).mean"])
        }
    }

    @Test("Invalid messages get an error and the socket keeps working")
    func invalidMessages() async throws {
        try await TestServer.run(live: true) { server in
            let id = try await prepareEvaluation(server)
            let messages = try await listen(server, key: server.adminKey, send: [
                "not json", #"{"type":"dance"}"#, #"{"type":"subscribe","topic":"evaluation"}"#,
                #"{"type":"subscribe","topic":"evaluation","id":"\#(id)"}"#,
            ], until: { $0.count == 4 })
            #expect(messages.prefix(3).allSatisfy { $0["type"] == "error" && $0["message"]?.stringValue != nil })
            #expect(messages.last?["type"] == "subscribed")
        }
    }

    @Test("Another account's subscriber hears nothing, and no key means no socket")
    func isolation() async throws {
        try await TestServer.run(live: true) { server in
            let ownerEvaluation = try await prepareEvaluation(server)
            let other = try await server.makeAccount("other")
            _ = try await server.request(.post, "/api/v1/scorecards", key: other, json: TestServer.scorecard)
            let ownEvaluation = try #require(
                try await server.request(.post, "/api/v1/evaluations", key: other, json: ["scorecardKey": "call-qa"]).json["id"]?.stringValue)
            let messages = try await listen(server, key: other, send: [
                #"{"type":"subscribe","topic":"evaluation","id":"\#(ownerEvaluation)"}"#,
                #"{"type":"subscribe","topic":"evaluation","id":"\#(ownEvaluation)"}"#,
            ], act: {
                // Changes are broadcast in commit order, so a leak would arrive before the second update.
                _ = try await server.request(.patch, "/api/v1/evaluations/\(ownerEvaluation)", json: ["progress": 0.5])
                _ = try await server.request(.patch, "/api/v1/evaluations/\(ownEvaluation)", key: other, json: ["progress": 0.7])
            }, until: { $0.contains { $0["type"] == "evaluation.updated" } })
            let updates = messages.filter { $0["type"] == "evaluation.updated" }
            #expect(updates.map { $0["evaluation"]?["id"]?.stringValue } == [ownEvaluation])
            await #expect(throws: (any Error).self) {
                try await server.client.ws("/api/v1/ws") { _, _, _ in }
            }
        }
    }
}

/// Messages collected from the socket handler.
final class Received: Sendable {
    private let storage = Mutex<[JSONValue]>([])

    var all: [JSONValue] { storage.withLock { $0 } }

    func append(_ message: JSONValue) -> [JSONValue] {
        storage.withLock { messages in
            messages.append(message)
            return messages
        }
    }
}

/// The socket was still waiting for messages when the test's deadline passed.
private struct SocketDeadline: Error, CustomStringConvertible {
    let received: [JSONValue]
    var description: String { "The socket was still waiting after 60 s; it had received \(received)" }
}
