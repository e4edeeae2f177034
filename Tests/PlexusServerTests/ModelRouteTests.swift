import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusMonitoring
import PlexusTestSupport
import Testing

/// `/api/v1/models` over HTTP: upload (raw and multipart), versions, read, predict, delete, and
/// what is refused, on both databases. The models are the zoo of scripts/reference/onnx_zoo.py.
@Suite("ONNX models over the API")
struct ModelRouteTests {
    private static let zoo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlexusModelsTests/Fixtures")

    static func model(_ name: String) throws -> Data {
        try Data(contentsOf: zoo.appendingPathComponent("zoo/\(name).onnx"))
    }

    /// The zoo case `name` of onnx_zoo.json.
    static func reference(_ name: String) throws -> JSONValue {
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: zoo.appendingPathComponent("onnx_zoo.json")))
        return try #require(document["cases"]?.arrayValue?.first { $0["name"] == .string(name) })
    }

    /// A multipart/form-data body with a binary file part and text fields, as curl -F sends it.
    private static func form(file: Data, fileName: String, fields: [String: String]) -> Data {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--b\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file
        return body + Data("\r\n--b--\r\n".utf8)
    }

    @Test("Uploads make versions that are read by ID, name@version and name, predict as onnxruntime does, and delete", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let features = "f1,f2,f3,f4,f5,f6"
            let first = try await server.request(
                .post, "/api/v1/models/upload?name=churn&features=\(features)", bytes: try Self.model("decision_tree"), contentType: "application/octet-stream")
            #expect(first.status == .created, "\(first.text)")
            #expect(first.json["version"] == 1 && first.json["producer"]?.stringValue?.hasPrefix("skl2onnx") == true)
            #expect(first.json["operators"]?[0]?["operatorType"] == "TreeEnsembleClassifier" && first.json["inputs"]?[0]?["shape"]?[1] == "6")
            #expect(first.json["features"]?.arrayCount == 6 && first.json["sha256"]?.stringValue?.count == 64)
            let second = try await server.request(
                .post, "/api/v1/models/upload", bytes: Self.form(file: try Self.model("random_forest"), fileName: "churn.onnx", fields: ["description": "forest"]),
                contentType: "multipart/form-data; boundary=b")
            #expect(second.status == .created && second.json["name"] == "churn" && second.json["version"] == 2, "\(second.text)")
            let id = try #require(first.json["id"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/models/\(id)").json["version"] == 1)
            #expect(try await server.request(.get, "/api/v1/models/churn@1").json["id"] == .string(id))
            #expect(try await server.request(.get, "/api/v1/models/churn%401").json["id"] == .string(id), "as clients encode the @")
            #expect(try await server.request(.get, "/api/v1/models/churn").json["version"] == 2)
            #expect(try await server.request(.get, "/api/v1/models").json["data"]?.arrayCount == 2)
            #expect(try await server.request(.get, "/api/v1/models/").json["data"]?.arrayCount == 2, "the seed's path, with its slash")

            // Predictions equal onnxruntime's labels, in the tensor form and as rows of named features.
            let tree = try Self.reference("decision_tree")
            let inputs = try #require(tree["inputs"]?["X"])
            let byTensor = try await server.request(.post, "/api/v1/models/churn@1/predict", json: ["inputs": ["X": inputs]])
            #expect(byTensor.status == .ok, "\(byTensor.text)")
            #expect(byTensor.json["outputs"]?["label"] == tree["labels"] && byTensor.json["rows"] == 40)
            #expect(byTensor.json["predictions"]?[0]?["label"] == tree["labels"]?[0] && byTensor.json["predictions"]?[0]?["probabilities"]?.arrayCount == 3)
            let rows = JSONValue.array((inputs.arrayValue ?? []).map { row in
                .object(Dictionary(uniqueKeysWithValues: zip(features.split(separator: ",").map(String.init), row.arrayValue ?? [])))
            })
            let byRows = try await server.request(.post, "/api/v1/models/churn@1/predict", json: ["rows": rows])
            #expect(byRows.json["outputs"]?["label"] == tree["labels"], "\(byRows.text)")

            // Every predicted row was logged to the series model.churn, features by name beside the prediction.
            #expect(byTensor.json["logged"] == 40 && byRows.json["logged"] == 40)
            let account = try #require(try await server.store.account("default"))
            let points = try await server.store.seriesPoints(
                "model.churn", accountID: account.id, window: MonitorWindow(from: Date().addingTimeInterval(-3_600), to: Date().addingTimeInterval(60)))
            #expect(points.count == 80)
            let logged = try #require(points.first?.values)
            #expect(logged["f1"] == inputs[0]?[0] && logged["prediction"] == tree["labels"]?[0] && logged["model_version"] == 1, "\(logged)")
            #expect(logged["p_0"] != nil && logged["p_2"] != nil)

            let deleted = try await server.request(.delete, "/api/v1/models/churn@1")
            #expect(deleted.status == .ok && deleted.json["deleted"]?.arrayCount == 1)
            #expect(try await server.request(.delete, "/api/v1/models/churn").json["deleted"]?.arrayCount == 1)
            #expect(try await server.request(.get, "/api/v1/models/churn").status == .notFound)
        }
    }

    @Test("A pipeline of named float and string inputs predicts from rows, with missing values and an unknown category", arguments: TestDatabase.available)
    func namedInputs(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let uploaded = try await server.request(
                .post, "/api/v1/models/upload?name=pipeline", bytes: try Self.model("column_pipeline"), contentType: "application/octet-stream")
            #expect(uploaded.status == .created && uploaded.json["inputs"]?.arrayCount == 4, "\(uploaded.text)")
            let reference = try Self.reference("column_pipeline")
            let columns = ["a", "b", "c", "channel"]
            let rows = JSONValue.array((0 ..< 40).map { row in
                .object(Dictionary(uniqueKeysWithValues: columns.map { ($0, reference["inputs"]?[$0]?[row]?[0] ?? .null) }))
            })
            let predicted = try await server.request(.post, "/api/v1/models/pipeline/predict", json: ["rows": rows])
            #expect(predicted.status == .ok, "\(predicted.text)")
            #expect(predicted.json["outputs"]?["label"] == reference["labels"])
        }
    }

    @Test("Files that are not ONNX, unsupported operators, bad inputs and unknown models get 4xx errors that name the problem", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let garbage = try await server.request(.post, "/api/v1/models/upload?name=x", raw: "id,amount\n1,2\n", contentType: "application/octet-stream")
            #expect(garbage.status == .unprocessableContent && garbage.errorCode == "invalid_model" && garbage.errorField == "file", "\(garbage.text)")
            let unsupported = try await server.request(
                .post, "/api/v1/models/upload?name=x", bytes: try Self.model("unsupported"), contentType: "application/octet-stream")
            #expect(unsupported.status == .unprocessableContent && unsupported.errorCode == "unsupported_operators", "\(unsupported.text)")
            let message = unsupported.json["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("ai.onnx.Conv (node conv_1)") && message.contains("ai.onnx.LSTM (node lstm_1)") && !message.contains("Relu"))
            #expect(try await server.request(.post, "/api/v1/models/upload?name=x", raw: "{}").status == .unsupportedMediaType)
            let empty = try await server.request(.post, "/api/v1/models/upload?name=x", raw: "", contentType: "application/octet-stream")
            #expect(empty.status == .badRequest && empty.errorField == "file")
            let wrongFeatures = try await server.request(
                .post, "/api/v1/models/upload?name=x&features=a,b", bytes: try Self.model("logistic_binary"), contentType: "application/octet-stream")
            #expect(wrongFeatures.status == .badRequest && wrongFeatures.errorField == "features", "\(wrongFeatures.text)")
            #expect(try await server.request(.get, "/api/v1/models").json["data"]?.arrayCount == 0, "nothing refused was kept")

            _ = try await server.request(.post, "/api/v1/models/upload?name=lr", bytes: try Self.model("logistic_binary"), contentType: "application/octet-stream")
            let narrow = try await server.request(.post, "/api/v1/models/lr/predict", json: ["inputs": ["X": [[1, 2, 3]]]])
            #expect(narrow.status == .unprocessableContent && narrow.errorField == "inputs.X", "\(narrow.text)")
            #expect(narrow.json["error"]?["message"]?.stringValue?.contains("[?, 6]") == true)
            let huge = try await server.request(.post, "/api/v1/models/lr/predict", json: ["inputs": ["X": [[1e308, 1, 1, 1, 1, 1]]]])
            #expect(huge.status == .unprocessableContent && huge.errorField == "inputs.X", "\(huge.text)")
            let ragged = try await server.request(.post, "/api/v1/models/lr/predict", json: ["inputs": ["X": [[1, 2, 3, 4, 5, 6], [1]]]])
            #expect(ragged.status == .unprocessableContent && ragged.errorField == "inputs.X")
            let unknownInput = try await server.request(.post, "/api/v1/models/lr/predict", json: ["inputs": ["Y": [[1]]]])
            #expect(unknownInput.status == .unprocessableContent && unknownInput.errorField == "inputs.Y")
            let unnamedRows = try await server.request(.post, "/api/v1/models/lr/predict", json: ["rows": [["age": 3]]])
            #expect(unnamedRows.status == .unprocessableContent && unnamedRows.errorField == "rows")
            #expect(try await server.request(.post, "/api/v1/models/lr/predict", json: [:]).status == .unprocessableContent)
            #expect(try await server.request(.post, "/api/v1/models/nothing/predict", json: ["inputs": [:]]).status == .notFound)
            let other = try await server.makeAccount("other")
            #expect(try await server.request(.get, "/api/v1/models/lr", key: other).status == .notFound)
        }
    }

    /// The case of tree_shap.json for `name` and `perturbation`, and its model's training rows.
    private static func shapReference(_ name: String, _ perturbation: String) throws -> (reference: JSONValue, training: [JSONValue]) {
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: zoo.appendingPathComponent("tree_shap.json")))
        let reference = try #require(document["cases"]?.arrayValue?.first { $0["name"] == .string(name) && $0["perturbation"] == .string(perturbation) })
        return (reference, try #require(document["training_rows"]?[name]?.arrayValue))
    }

    @Test("tree_shap over the API gives shap's values for rows of named features, in either perturbation", arguments: TestDatabase.available)
    func explains(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let names = ["tenure", "spend", "calls", "age", "visits", "score"]
            let uploaded = try await server.request(
                .post, "/api/v1/models/upload?name=forest&features=\(names.joined(separator: ","))", bytes: try Self.model("random_forest"), contentType: "application/octet-stream")
            #expect(uploaded.status == .created, "\(uploaded.text)")
            func named(_ rows: [JSONValue]) -> JSONValue {
                .array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(names, row.arrayValue ?? []))) })
            }
            for perturbation in ["tree_path_dependent", "interventional"] {
                let (reference, training) = try Self.shapReference("random_forest", perturbation)
                let backgroundRows = try #require(reference["background_rows"]?.numberValue).rounded()
                let reply = try await server.request(.post, "/api/v1/models/forest/explain", json: [
                    "method": "tree_shap", "featurePerturbation": .string(perturbation),
                    "rows": named(reference["rows"]?.arrayValue ?? []), "background": ["rows": named(Array(training.prefix(Int(backgroundRows))))],
                ])
                #expect(reply.status == .ok, "\(reply.text.prefix(300))")
                #expect(reply.json["features"] == .array(names.map(JSONValue.string)) && reply.json["method"] == "tree_shap")
                #expect(reply.json["outputs"]?[1]?["name"] == "1" && reply.json["outputs"]?[1]?["space"] == "probability")
                #expect(reply.json["parameters"]?["featurePerturbation"] == .string(perturbation) && reply.json["model"]?["version"] == 1)
                let tolerance = try #require(reference["tolerance"]?.numberValue)
                let departing = Set((reference["rows_where_shap_departs"]?.arrayValue ?? []).compactMap(\.numberValue).map(Int.init))
                let expected = reference["exact_values"] ?? reference["values"]
                let rows = reply.json["rows"]?.arrayValue ?? []
                #expect(rows.count == 20)
                for (index, row) in rows.enumerated() {
                    for output in 0 ..< 2 {
                        for feature in 0 ..< 6 {
                            let ours = row["values"]?[output]?[feature]?.numberValue ?? .nan
                            let theirs = expected?[index]?[output]?[feature]?.numberValue ?? .nan
                            #expect(abs(ours - theirs) <= tolerance, "\(perturbation) row \(index) output \(output) feature \(feature): \(ours) vs \(theirs)")
                            if !departing.contains(index), let shap = reference["values"]?[index]?[output]?[feature]?.numberValue {
                                #expect(abs(ours - shap) <= tolerance)
                            }
                        }
                    }
                }
                #expect((reply.json["largestAdditivityError"]?.numberValue ?? 1) < 1e-9)
                #expect(reply.json["meanAbsoluteValues"]?[1]?.arrayCount == 6)
            }
        }
    }

    @Test("Explanations are stored unless store is false, listed by model version, read by ID with each row's features, charted on the dashboard, and deleted with their model", arguments: TestDatabase.available)
    func storedExplanations(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let names = ["tenure", "spend", "calls", "age", "visits", "score"]
            _ = try await server.request(.post, "/api/v1/models/upload?name=gb&features=\(names.joined(separator: ","))",
                                         bytes: try Self.model("gradient_boosting_binary"), contentType: "application/octet-stream")
            // Numbers a float32 holds exactly, so the echoed features compare equal.
            let rows: JSONValue = [[0.125, -1.25, 0.375, 2.5, -0.5, 0.625], [1.5, 0.25, -0.75, 0.0, 0.875, -1.125], [-0.375, 0.75, 1.25, -2.0, 0.125, 0.5]]
            func body(store: JSONValue? = nil) -> JSONValue {
                var members: [String: JSONValue] = ["inputs": ["X": rows], "background": ["inputs": ["X": [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]]]]]
                members["store"] = store
                return .object(members)
            }
            let stored = try await server.request(.post, "/api/v1/models/gb/explain", json: body())
            #expect(stored.status == .ok, "\(stored.text.prefix(300))")
            let id = try #require(stored.json["id"]?.stringValue)
            #expect(stored.json["createdAt"]?.stringValue != nil && stored.json["rows"]?[1]?["features"] == [1.5, 0.25, -0.75, 0.0, 0.875, -1.125])
            let computed = try await server.request(.post, "/api/v1/models/gb/explain", json: body(store: false))
            #expect(computed.status == .ok && computed.json["id"] == nil && computed.json["rows"]?[0]?["values"] == stored.json["rows"]?[0]?["values"])
            let wrong = try await server.request(.post, "/api/v1/models/gb/explain", json: body(store: "yes"))
            #expect(wrong.status == .badRequest && wrong.errorField == "store", "\(wrong.text)")

            let listed = try await server.request(.get, "/api/v1/models/gb/explanations")
            #expect(listed.status == .ok && listed.json["data"]?.arrayCount == 1, "only the stored one: \(listed.text.prefix(300))")
            #expect(listed.json["data"]?[0]?["id"] == .string(id) && listed.json["data"]?[0]?["rowCount"] == 3 && listed.json["data"]?[0]?["rows"] == nil)
            let read = try await server.request(.get, "/api/v1/explanations/\(id)")
            #expect(read.status == .ok && read.json == stored.json)
            #expect(try await server.request(.get, "/api/v1/explanations/nope").status == .notFound)

            // The dashboard charts it: importance bars, beeswarm, a waterfall of the chosen row, a dependence plot.
            let cookie = try await server.client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "apiKey=" + server.adminKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            ) { String(($0.headers[.setCookie] ?? "").split(separator: ";").first ?? "") }
            func page(_ path: String) async throws -> (HTTPResponse.Status, String) {
                try await server.client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
            }
            let (status, html) = try await page("/explanations/\(id)?row=2&feature=age")
            #expect(status == .ok, "\(html.prefix(300))")
            for chart in ["feature-bar-chart", "beeswarm-chart", "waterfall-chart", "scatter-chart"] {
                #expect(html.contains("class=\"\(chart)\""), "\(chart) missing")
            }
            #expect(html.contains("Why row 2 got") && html.contains("How age acts") && html.contains("age = -2"))
            let (_, quiet) = try await page("/models/gb")
            #expect(quiet.contains("/explanations/\(id)") && quiet.contains("No predictions logged in the last week") && quiet.contains("No monitor watches this model"))
            // Logged predictions appear as volume per hour and predicted classes; a monitor on the model's series is listed.
            let predicted = try await server.request(.post, "/api/v1/models/gb/predict", json: ["inputs": ["X": rows]])
            #expect(predicted.json["logged"] == 3)
            let monitor = try await server.request(.post, "/api/v1/monitors", json: [
                "name": "gb drift", "source": ["kind": "series", "series": "model.gb"], "window": "1d", "reference": ["trailing": "7d"],
                "minimumSampleSize": 50, "rules": [["type": "column_drift", "column": "spend"]],
            ])
            #expect(monitor.status == .created, "\(monitor.text)")
            let (_, busy) = try await page("/models/gb")
            #expect(busy.contains("logged per hour over the last week (3 in all)") && busy.contains("Predicted classes of the latest 3 logged predictions"))
            #expect(busy.contains("gb drift") && busy.contains("/monitors/\(monitor.json["id"]?.stringValue ?? "?")"))

            let deleted = try await server.request(.delete, "/api/v1/models/gb")
            #expect(deleted.status == .ok)
            #expect(try await server.request(.get, "/api/v1/explanations/\(id)").status == .notFound)
        }
    }

    @Test("Permutation importance over the API: scikit-learn's baseline, seeded drops that repeat, and refusals that name the field", arguments: TestDatabase.available)
    func permutationImportance(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.zoo.appendingPathComponent("permutation_importance.json")))
            let reference = try #require(document["cases"]?.arrayValue?.first { $0["name"] == "named_class_logistic" })
            let names = ["tenure", "spend", "calls", "age", "visits", "score"]
            _ = try await server.request(.post, "/api/v1/models/upload?name=lr&features=\(names.joined(separator: ","))",
                                         bytes: try Self.model("named_class_logistic"), contentType: "application/octet-stream")
            let rows = JSONValue.array((reference["rows"]?.arrayValue ?? []).map { row in .object(Dictionary(uniqueKeysWithValues: zip(names, row.arrayValue ?? []))) })
            let body: JSONValue = ["rows": rows, "targets": reference["targets"] ?? .null, "nRepeats": 3, "seed": 11]
            let first = try await server.request(.post, "/api/v1/models/lr/importance", json: body)
            #expect(first.status == .ok, "\(first.text.prefix(300))")
            #expect(first.json["scoring"] == "accuracy" && first.json["features"] == .array(names.map(JSONValue.string)) && first.json["repeats"] == 3)
            #expect(first.json["baseline"] == reference["baseline"], "the unshuffled score is scikit-learn's")
            #expect(first.json["importances"]?.arrayCount == 6 && first.json["importances"]?[0]?.arrayCount == 3)
            #expect(try await server.request(.post, "/api/v1/models/lr/importance", json: body).json == first.json, "the same seed shuffles alike")
            let balanced = try await server.request(.post, "/api/v1/models/lr/importance", json: ["rows": rows, "targets": reference["targets"] ?? .null, "scoring": "balanced_accuracy"])
            #expect(balanced.status == .ok && balanced.json["repeats"] == 5 && balanced.json["scoring"] == "balanced_accuracy")

            let unknown = try await server.request(.post, "/api/v1/models/lr/importance", json: ["rows": rows, "targets": reference["targets"] ?? .null, "scoring": "f7"])
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "scoring", "\(unknown.text)")
            let missing = try await server.request(.post, "/api/v1/models/lr/importance", json: ["rows": rows])
            #expect(missing.status == .unprocessableContent && missing.errorField == "targets", "\(missing.text)")
            let short = try await server.request(.post, "/api/v1/models/lr/importance", json: ["rows": rows, "targets": ["churn"]])
            #expect(short.status == .unprocessableContent && short.errorField == "targets", "\(short.text)")
            let repeats = try await server.request(.post, "/api/v1/models/lr/importance", json: ["rows": rows, "targets": reference["targets"] ?? .null, "nRepeats": 0])
            #expect(repeats.status == .unprocessableContent && repeats.errorField == "nRepeats", "\(repeats.text)")
        }
    }

    @Test("Explanations refuse models that are not tree ensembles, unknown methods, missing backgrounds and oversized requests, naming the field", arguments: TestDatabase.available)
    func explanationRefusals(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/models/upload?name=lr", bytes: try Self.model("logistic_binary"), contentType: "application/octet-stream")
            _ = try await server.request(.post, "/api/v1/models/upload?name=gb", bytes: try Self.model("gradient_boosting_binary"), contentType: "application/octet-stream")
            let row: JSONValue = [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]
            let linear = try await server.request(.post, "/api/v1/models/lr/explain", json: ["inputs": ["X": row], "background": ["inputs": ["X": row]]])
            #expect(linear.status == .unprocessableContent && linear.errorCode == "not_explainable" && linear.errorField == "method", "\(linear.text)")
            #expect(linear.json["error"]?["message"]?.stringValue?.contains("kernel_shap") == true)
            let method = try await server.request(.post, "/api/v1/models/gb/explain", json: ["method": "magic", "inputs": ["X": row], "background": ["inputs": ["X": row]]])
            #expect(method.status == .unprocessableContent && method.errorField == "method", "\(method.text)")
            let noBackground = try await server.request(.post, "/api/v1/models/gb/explain", json: ["inputs": ["X": row]])
            #expect(noBackground.status == .unprocessableContent && noBackground.errorField == "background", "\(noBackground.text)")
            let narrowBackground = try await server.request(.post, "/api/v1/models/gb/explain", json: ["inputs": ["X": row], "background": ["inputs": ["X": [[1, 2]]]]])
            #expect(narrowBackground.status == .unprocessableContent && narrowBackground.errorField?.hasPrefix("background.") == true, "\(narrowBackground.text)")
            let perturbation = try await server.request(
                .post, "/api/v1/models/gb/explain", json: ["inputs": ["X": row], "background": ["inputs": ["X": row]], "featurePerturbation": "sideways"])
            #expect(perturbation.status == .unprocessableContent && perturbation.errorField == "featurePerturbation")
            // Probability space is for interventional explanations, and log_loss is not offered.
            for (output, perturbation) in [("log_loss", "interventional"), ("probability", "tree_path_dependent")] {
                let refused = try await server.request(.post, "/api/v1/models/gb/explain", json: [
                    "inputs": ["X": row], "background": ["inputs": ["X": row]], "modelOutput": .string(output), "featurePerturbation": .string(perturbation),
                ])
                #expect(refused.status == .unprocessableContent && refused.errorField == "modelOutput", "\(output): \(refused.text)")
            }
            let probability = try await server.request(.post, "/api/v1/models/gb/explain", json: [
                "inputs": ["X": row], "background": ["inputs": ["X": row]], "modelOutput": "probability", "store": false,
            ])
            #expect(probability.status == .ok && probability.json["outputs"]?[0]?["space"] == "probability", "\(probability.text)")
            let many = JSONValue.array(Array(repeating: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], count: 1_000))
            let oversized = try await server.request(.post, "/api/v1/models/gb/explain", json: ["inputs": ["X": many], "background": ["inputs": ["X": many]]])
            #expect(oversized.status == .unprocessableContent && oversized.errorField == "background", "\(oversized.text.prefix(300))")
            let ok = try await server.request(.post, "/api/v1/models/gb/explain", json: ["inputs": ["X": row], "background": ["inputs": ["X": [[1, 1, 1, 1, 1, 1]]]]])
            #expect(ok.status == .ok && ok.json["outputs"] == [["name": "1", "space": "log_odds"]] && ok.json["features"]?[0] == "X[0]", "\(ok.text.prefix(300))")
        }
    }

    @Test("kernel_shap over the API gives shap's values for any single-input model, sampled ones with standard errors; lime adds fits and bins", arguments: TestDatabase.available)
    func kernelShap(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.zoo.appendingPathComponent("kernel_shap.json")))
            let reference = try #require(document["cases"]?.arrayValue?.first { $0["name"] == "mlp_multiclass" })
            _ = try await server.request(.post, "/api/v1/models/upload?name=mlp", bytes: try Self.model("mlp_multiclass"), contentType: "application/octet-stream")
            let exact = try await server.request(.post, "/api/v1/models/mlp/explain", json: [
                "method": "kernel_shap", "inputs": ["X": reference["rows"] ?? .null], "background": ["inputs": ["X": reference["background"] ?? .null]],
            ])
            #expect(exact.status == .ok, "\(exact.text.prefix(300))")
            #expect(exact.json["parameters"]?["enumerated"] == true && exact.json["outputs"]?.arrayCount == 3)
            #expect(exact.json["outputs"]?[0]?["space"] == "probability" && exact.json["rows"]?[0]?["standardErrors"] == nil)
            let tolerance = try #require(reference["tolerance"]?.numberValue)
            for row in 0 ..< 6 {
                for output in 0 ..< 3 {
                    for feature in 0 ..< 6 {
                        let ours = exact.json["rows"]?[row]?["values"]?[output]?[feature]?.numberValue ?? .nan
                        let theirs = reference["values"]?[row]?[output]?[feature]?.numberValue ?? .nan
                        #expect(abs(ours - theirs) <= tolerance, "row \(row) output \(output) feature \(feature): \(ours) vs shap's \(theirs)")
                    }
                }
            }
            let sampled = try await server.request(.post, "/api/v1/models/mlp/explain", json: [
                "method": "kernel_shap", "nsamples": 30, "seed": 4,
                "inputs": ["X": reference["rows"] ?? .null], "background": ["inputs": ["X": reference["background"] ?? .null]],
            ])
            #expect(sampled.status == .ok && sampled.json["parameters"]?["enumerated"] == false && sampled.json["parameters"]?["seed"] == 4)
            #expect(sampled.json["rows"]?[0]?["standardErrors"]?[0]?.arrayCount == 6)
            let badSamples = try await server.request(.post, "/api/v1/models/mlp/explain", json: [
                "method": "kernel_shap", "nsamples": "lots", "inputs": ["X": reference["rows"] ?? .null], "background": ["inputs": ["X": reference["background"] ?? .null]],
            ])
            #expect(badSamples.status == .unprocessableContent && badSamples.errorField == "nsamples")
            let lime = try await server.request(.post, "/api/v1/models/mlp/explain", json: [
                "method": "lime", "numSamples": 500, "inputs": ["X": reference["rows"] ?? .null], "background": ["inputs": ["X": reference["background"] ?? .null]],
            ])
            #expect(lime.status == .ok && lime.json["parameters"]?["discretizer"] == "quartile", "\(lime.text.prefix(300))")
            #expect(lime.json["rows"]?[0]?["scores"]?.arrayCount == 3 && lime.json["rows"]?[0]?["conditions"]?[0]?.stringValue?.contains("X[0]") == true)
            _ = try await server.request(.post, "/api/v1/models/upload?name=pipeline", bytes: try Self.model("column_pipeline"), contentType: "application/octet-stream")
            let pipeline = try await server.request(.post, "/api/v1/models/pipeline/explain", json: ["method": "kernel_shap", "rows": [["a": 1]], "background": ["rows": [["a": 1]]]])
            #expect(pipeline.status == .unprocessableContent && pipeline.errorCode == "not_explainable", "\(pipeline.text)")
        }
    }
}
