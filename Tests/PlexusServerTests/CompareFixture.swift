import Foundation
import PlexusCore
import Testing

/// Two evaluations of the same score on shared items, whose per-item correctness is known, stored
/// through the API; with the expected McNemar statistics computed from that correctness.
struct CompareFixture {
    /// Whether the baseline and the candidate got each shared item right.
    let outcomes: [(baseline: Bool, candidate: Bool)]

    /// A mix with more candidate-only than baseline-only wins.
    static let standard = CompareFixture(outcomes:
        Array(repeating: (true, true), count: 14) + Array(repeating: (true, false), count: 1)
        + Array(repeating: (false, true), count: 9) + Array(repeating: (false, false), count: 5))

    var baselineOnly: Int { outcomes.count { $0.baseline && !$0.candidate } }
    var candidateOnly: Int { outcomes.count { !$0.baseline && $0.candidate } }
    var baselineAccuracy: Double { Double(outcomes.count { $0.baseline }) / Double(outcomes.count) }
    var candidateAccuracy: Double { Double(outcomes.count { $0.candidate }) / Double(outcomes.count) }

    /// The two-sided exact binomial p-value of McNemar's test: 2 · P(X ≤ min(b, c)), X ~ Bin(b + c, ½), at most 1.
    var exactPValue: Double {
        let n = baselineOnly + candidateOnly
        var tail = 0.0
        var choose = 1.0
        for k in 0...min(baselineOnly, candidateOnly) {
            if k > 0 { choose *= Double(n - k + 1) / Double(k) }
            tail += choose
        }
        return min(1, 2 * tail / pow(2, Double(n)))
    }

    /// The continuity-corrected chi-square statistic and its p-value (one degree of freedom).
    var chiSquare: (statistic: Double, pValue: Double) {
        let statistic = pow(Double(abs(baselineOnly - candidateOnly) - 1), 2) / Double(baselineOnly + candidateOnly)
        return (statistic, erfc((statistic / 2).squareRoot()))
    }

    /// Stores both evaluations and returns their IDs. Besides the shared items, the baseline has one
    /// item of its own, and the candidate one SKIPPED result and one without a label, all left out.
    func store(on server: TestServer, key: String? = nil) async throws -> (baseline: String, candidate: String) {
        _ = try await server.request(.post, "/api/v1/scorecards", key: key, json: TestServer.scorecard)
        let baseline = try await Self.evaluation(on: server, key: key)
        let candidate = try await Self.evaluation(on: server, key: key)
        var baselineResults: [JSONValue] = []
        var candidateResults: [JSONValue] = []
        for (index, outcome) in outcomes.enumerated() {
            let truth = index % 2 == 0 ? "Yes" : "No"
            baselineResults.append(Self.result("call-\(index)", truth: truth, correct: outcome.baseline, evaluation: baseline))
            candidateResults.append(Self.result("call-\(index)", truth: truth, correct: outcome.candidate, evaluation: candidate))
        }
        baselineResults.append(Self.result("only-baseline", truth: "Yes", correct: true, evaluation: baseline))
        candidateResults.append(Self.result("skipped", truth: "Yes", value: "SKIPPED", evaluation: candidate))
        baselineResults.append(Self.result("skipped", truth: "Yes", correct: true, evaluation: baseline))
        candidateResults.append(Self.result("unlabelled", truth: nil, value: "Yes", evaluation: candidate))
        for batch in [baselineResults, candidateResults] {
            let reply = try await server.request(.post, "/api/v1/score-results/batch", key: key, json: ["scoreResults": .array(batch)])
            #expect(reply.status == .ok, "\(reply.text)")
        }
        return (baseline, candidate)
    }

    /// A PENDING evaluation of `call-qa`/`greeting`.
    static func evaluation(on server: TestServer, key: String? = nil) async throws -> String {
        let reply = try await server.request(.post, "/api/v1/evaluations", key: key, json: ["scorecardKey": "call-qa", "scoreKey": "greeting"])
        return try #require(reply.json["id"]?.stringValue)
    }

    /// One evaluation result; its value is `value`, or the truth when `correct`, else the other class.
    static func result(_ item: String, truth: String?, correct: Bool = true, value: String? = nil, evaluation: String) -> JSONValue {
        let other = truth == "Yes" ? "No" : "Yes"
        var result: [String: JSONValue] = [
            "scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string(item),
            "value": .string(value ?? (correct ? truth ?? "Yes" : other)), "evaluationId": .string(evaluation),
        ]
        if let truth { result["metadata"] = ["trueValue": .string(truth)] }
        return .object(result)
    }
}
