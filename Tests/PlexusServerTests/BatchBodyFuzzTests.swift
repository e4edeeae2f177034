import Foundation
import Hummingbird
import PlexusCore
import PlexusTestSupport
import Testing

/// The score-result batch body, the busiest input of the API, fuzzed through the real route: every
/// mutated body gets an answer below 500 (`PLEXUS_FUZZ_SECONDS`; CI gives it 60 s).
@Suite("Fuzzing the score-result batch body")
struct BatchBodyFuzzTests {
    @Test("Mutated batch bodies are stored or refused with a 4xx, never a 5xx")
    func batchBodies() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let valid = String(decoding: try PlexusJSON.encoder().encode(JSONValue.object(["scoreResults": [
                TestServer.result("call-1", key: "k-1"),
                ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-2", "value": "No", "confidence": 0.25,
                 "metadata": ["channel": "phone", "turns": [1, 2, 3]], "explanation": "said hello", "cost": 0.001, "latency": 12.5,
                 "createdAt": "2026-11-30T10:00:00Z", "scorecardVersion": 1, "idempotencyKey": "k-2"],
            ]])), as: UTF8.self)
            let fuzzer = Fuzzer(target: "score-result-batch", seeds: [valid, #"{"scoreResults": []}"#], dictionary: [
                "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e400", "-0", "\"value\":", "\"confidence\":", "\"metadata\":", "\"scoreResults\":",
                "\"itemId\":", "\"evaluationId\":", "\\u0000", "\\ud800", "\"createdAt\": \"9999-99-99\"",
            ])
            var statuses: [UInt: Int] = [:]
            let report = try await fuzzer.run { body in
                let reply = try await server.request(.post, "/api/v1/score-results/batch", raw: body)
                statuses[UInt(reply.status.code), default: 0] += 1
                #expect(reply.status.code < 500, "\(reply.status) for \(body.prefix(400).debugDescription): \(reply.text.prefix(300))")
                if reply.status.code >= 400 { #expect(reply.errorCode != nil && reply.json["error"]?["message"]?.stringValue?.isEmpty == false) }
            }
            print(report, statuses.sorted { $0.key < $1.key })
            #expect(report.inputs > 0 && report.slowest.duration < Fuzzer.slowInputLimit)
        }
    }
}
