import Foundation
import PlexusCore
import PlexusTestSupport
import Testing

/// An uploaded ONNX model used as a score: a scoring job reads each item's metadata as the
/// model's features and stores the model's label (mapped to the score's classes) with its
/// probability, equal to onnxruntime's on the zoo's held-out rows.
@Suite("ONNX models as scores")
struct ONNXScoreTests {
    private static let zoo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlexusModelsTests/Fixtures")

    private static let source = """
        key: churn-qa
        name: Churn
        sections:
          - name: Risk
            scores:
              - key: churn
                name: Will churn
                classes: ["Yes", "No"]
                positive_class: "Yes"
                classifier:
                  type: onnx
                  model: churn
                  inputs:
                    f1: tenure
                  labels:
                    "1": "Yes"
                    "0": "No"
        """

    @Test("A scoring job gives each item onnxruntime's label as the score's class, with its probability as the confidence", arguments: TestDatabase.available)
    func scores(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            let model = try Data(contentsOf: Self.zoo.appendingPathComponent("zoo/logistic_binary.onnx"))
            let uploaded = try await server.request(
                .post, "/api/v1/models/upload?name=churn&features=f1,f2,f3,f4,f5,f6", bytes: model, contentType: "application/octet-stream")
            try #require(uploaded.status == .created, "\(uploaded.text)")
            let pushed = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(Self.source)])
            try #require(pushed.status == .created, "\(pushed.text)")

            let zoo = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.zoo.appendingPathComponent("onnx_zoo.json")))
            let reference = try #require(zoo["cases"]?.arrayValue?.first { $0["name"] == "logistic_binary" })
            let rows = try #require(reference["inputs"]?["X"]?.arrayValue)
            // Items carry the features as metadata; the first is named tenure (mapped to f1), and half are text as CSV imports store them.
            let items: [JSONValue] = rows.prefix(20).enumerated().map { index, row in
                var metadata: [String: JSONValue] = [:]
                for (position, value) in (row.arrayValue ?? []).enumerated() {
                    let name = position == 0 ? "tenure" : "f\(position + 1)"
                    metadata[name] = index.isMultiple(of: 2) ? value : .string(value.numberValue.map { String($0) } ?? "")
                }
                return ["externalId": .string("customer-\(index)"), "text": "", "metadata": .object(metadata)]
            }
            let created = try await server.request(.post, "/api/v1/items/batch", json: ["items": .array(items)])
            try #require(created.status.code < 300, "\(created.text)")
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "churn-qa", "items": "unscored"])
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "completed" && job["progress"]?["resultsStored"] == 20, "\(job)")

            let stored = try await server.request(.get, "/api/v1/score-results?limit=1000").json["data"]?.arrayValue ?? []
            #expect(stored.count == 20)
            for result in stored {
                // The idempotency key ends with the item's external ID: churn-qa/v1/churn/customer-N.
                let external = result["idempotencyKey"]?.stringValue?.split(separator: "/").last ?? ""
                let index = try #require(Int(external.split(separator: "-").last ?? ""), "\(result)")
                let label = try #require(reference["labels"]?[index]?.numberValue)
                let probabilities = reference["probabilities"]?[index]?.arrayValue?.compactMap(\.numberValue) ?? []
                #expect(result["value"] == (label == 1 ? "Yes" : "No"), "\(result)")
                #expect(abs((result["confidence"]?.numberValue ?? -1) - (probabilities.max() ?? 0)) < 1e-6)
                #expect(result["explanation"]?.stringValue?.hasPrefix("churn v1 predicted") == true)
            }
        }
    }

    @Test("With a background dataset a tree model's results name the features that pushed them most, as the explain route attributes them", arguments: TestDatabase.available)
    func explained(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            let model = try Data(contentsOf: Self.zoo.appendingPathComponent("zoo/gradient_boosting_binary.onnx"))
            let features = ["f1", "f2", "f3", "f4", "f5", "f6"]
            _ = try await server.request(
                .post, "/api/v1/models/upload?name=churn&features=\(features.joined(separator: ","))", bytes: model, contentType: "application/octet-stream")
            let zoo = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.zoo.appendingPathComponent("onnx_zoo.json")))
            let reference = try #require(zoo["cases"]?.arrayValue?.first { $0["name"] == "gradient_boosting_binary" })
            let rows = try #require(reference["inputs"]?["X"]?.arrayValue).map { $0.arrayValue?.compactMap(\.numberValue) ?? [] }
            // The background's columns are the items' metadata fields: tenure stands for f1.
            let fields = ["tenure", "f2", "f3", "f4", "f5", "f6"]
            let csv = fields.joined(separator: ",") + "\n" + rows.map { $0.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
            let uploaded = try await server.request(.post, "/api/v1/data/upload?name=customers", raw: csv, contentType: "text/csv")
            try #require(uploaded.status == .created, "\(uploaded.text)")
            let source = Self.source.replacingOccurrences(of: "    \"0\": \"No\"", with: "    \"0\": \"No\"\n          background: customers\n          top_features: 2")
            let pushed = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(source)])
            try #require(pushed.status == .created, "\(pushed.text)")
            let items: [JSONValue] = rows.prefix(8).enumerated().map { index, row in
                ["externalId": .string("customer-\(index)"), "text": "", "metadata": .object(Dictionary(uniqueKeysWithValues: zip(fields, row.map(JSONValue.number))))]
            }
            _ = try await server.request(.post, "/api/v1/items/batch", json: ["items": .array(items)])
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "churn-qa", "items": "unscored"])
            let job = try await JobHarness.finished(queued, on: server)
            try #require(job["status"] == "completed" && job["progress"]?["resultsStored"] == 8, "\(job)")

            // The explain route on the same rows, against the dataset's rows, path-dependent.
            let named = rows.map { JSONValue.object(Dictionary(uniqueKeysWithValues: zip(features, $0.map(JSONValue.number)))) }
            let explained = try await server.request(.post, "/api/v1/models/churn/explain", json: [
                "rows": .array(Array(named.prefix(8))), "background": ["rows": .array(named)], "featurePerturbation": "tree_path_dependent", "store": false,
            ])
            let expected = try #require(explained.json["rows"]?.arrayValue, "\(explained.text)")
            let stored = try await server.request(.get, "/api/v1/score-results?limit=1000").json["data"]?.arrayValue ?? []
            #expect(stored.count == 8)
            for result in stored {
                let index = try #require(Int(result["idempotencyKey"]?.stringValue?.split(separator: "-").last ?? ""), "\(result)")
                let shap = try #require(result["metadata"]?["detail"]?["shap"], "\(result)")
                // The boosted model has one output, the log-odds of class 1.
                #expect(shap["output"] == "1" && shap["space"] == "log_odds")
                let want = expected[index]["values"]?[0]?.arrayValue?.compactMap(\.numberValue) ?? []
                let got = features.compactMap { shap["values"]?[$0]?.numberValue }
                #expect(got.count == 6 && zip(got, want).allSatisfy { abs($0 - $1) < 1e-12 }, "\(got) vs \(want)")
                let strongest = want.indices.sorted { abs(want[$0]) > abs(want[$1]) }.prefix(2).map { features[$0] }
                let text = result["explanation"]?.stringValue ?? ""
                #expect(text.contains("TreeSHAP toward 1 (log_odds): \(strongest[0]) ") && text.contains(", \(strongest[1]) "), "\(text)")
            }

            // A background that is not uploaded, or lacks a field, fails the job with the reason.
            for (background, reason) in [("nope", "no uploaded dataset is named 'nope'"), ("thin", "has no column 'f6'")] {
                if background == "thin" {
                    _ = try await server.request(.post, "/api/v1/data/upload?name=thin", raw: "tenure,f2,f3,f4,f5\n1,2,3,4,5\n", contentType: "text/csv")
                }
                let broken = source.replacingOccurrences(of: "background: customers", with: "background: \(background)")
                _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(broken)])
                let rerun = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "churn-qa", "items": "all"])
                let failed = try await JobHarness.finished(rerun, on: server)
                #expect(failed["status"] == "failed" && failed["error"]?.stringValue?.contains(reason) == true, "\(failed)")
            }
        }
    }

    @Test("Scorecards naming a model that is not there, or mapping labels to unknown classes, are refused with the reason", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await JobHarness.run(database) { server in
            let badLabels = Self.source.replacingOccurrences(of: "\"1\": \"Yes\"", with: "\"1\": \"Maybe\"")
            let refused = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(badLabels)])
            #expect(refused.status == .unprocessableContent && refused.text.contains("'Maybe' is not a class of score churn"), "\(refused.text)")
            let unknownKey = Self.source.replacingOccurrences(of: "model: churn\n", with: "model: churn\n          threshold: 0.5\n")
            let unknown = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(unknownKey)])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("Unknown onnx setting 'threshold'"), "\(unknown.text)")

            let orphanTop = Self.source.replacingOccurrences(of: "model: churn\n", with: "model: churn\n          top_features: 2\n")
            let orphan = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(orphanTop)])
            #expect(orphan.status == .unprocessableContent && orphan.text.contains("add background"), "\(orphan.text)")

            _ = try await server.request(.post, "/api/v1/scorecards/versions", json: ["source": .string(Self.source)])
            _ = try await server.request(.post, "/api/v1/items/batch", json: ["items": [["externalId": "x", "text": "", "metadata": ["tenure": 1]]]])
            let queued = try await server.request(.post, "/api/v1/jobs", json: ["kind": "scoring", "scorecard": "churn-qa", "items": "unscored"])
            let job = try await JobHarness.finished(queued, on: server)
            #expect(job["status"] == "failed" && job["error"]?.stringValue?.contains("no uploaded model is named 'churn'") == true, "\(job)")
        }
    }
}
