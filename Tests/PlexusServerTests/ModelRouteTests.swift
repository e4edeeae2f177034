import Foundation
import Hummingbird
import HummingbirdTesting
import PlexusCore
import PlexusMonitoring
import PlexusServer
import PlexusTestSupport
import Testing

/// `/api/v1/models` over HTTP: upload (raw and multipart), versions, read, predict, delete, and
/// what is refused, on both databases. The models are the zoo of scripts/reference/onnx_zoo.py.
@Suite("ONNX models over the API")
struct ModelRouteTests {
    private static let zoo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlexusModelsTests/Fixtures")

    private static func model(_ name: String) throws -> Data {
        try Data(contentsOf: zoo.appendingPathComponent("zoo/\(name).onnx"))
    }

    /// The zoo case `name` of onnx_zoo.json.
    private static func reference(_ name: String) throws -> JSONValue {
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

    /// The decision tree's features as uploaded.
    static let treeFeatures = ["f1", "f2", "f3", "f4", "f5", "f6"]

    /// Uploads the zoo's decision tree as `tree`, logs 40 of its rows as predictions an hour ago and
    /// the same rows with its strongest feature held at one value two days ago, and creates a
    /// monitor of what drives it (trailing reference) whose two rules fire on that feature. Also
    /// returns the feature's mean |SHAP| (summed over the classes) in each window, from the explain
    /// route with covers counted from the window's own rows, as the monitor counts them.
    static func driftingExplanationMonitor(on server: TestServer) async throws
        -> (id: String, driver: String, definition: JSONValue, currentMean: Double, referenceMean: Double) {
        let features = treeFeatures
        _ = try await server.request(
            .post, "/api/v1/models/upload?name=tree&features=\(features.joined(separator: ","))", bytes: try model("decision_tree"), contentType: "application/octet-stream")
        let inputs = try #require(reference("decision_tree")["inputs"]?["X"]?.arrayValue)
        let current = inputs.prefix(40).map { row in
            JSONValue.object(Dictionary(uniqueKeysWithValues: zip(features, row.arrayValue ?? [])))
        }
        func meanAbsolute(_ rows: [JSONValue]) async throws -> [Double] {
            let explained = try await server.request(.post, "/api/v1/models/tree/explain", json: [
                "rows": .array(rows), "background": ["rows": .array(rows)], "featurePerturbation": "tree_path_dependent", "store": false,
            ])
            let values = try #require(explained.json["rows"]?.arrayValue?.compactMap { $0["values"]?.arrayValue }, "\(explained.text)")
            #expect(values.first?.count == 3)
            return features.indices.map { feature in
                values.reduce(0) { total, row in total + row.reduce(0) { $0 + abs($1[feature]?.numberValue ?? .nan) } } / Double(values.count)
            }
        }
        let currentMeans = try await meanAbsolute(current)
        let strongest = try #require(currentMeans.indices.max { currentMeans[$0] < currentMeans[$1] })
        let driver = features[strongest]
        let reference = current.map { $0.setting(driver, current[0][driver] ?? 0) }
        let referenceMeans = try await meanAbsolute(reference)
        #expect(referenceMeans[strongest] < currentMeans[strongest] / 4)
        let end = Date()
        let points = reference.enumerated().map { index, row -> JSONValue in
            ["time": .string(PlexusJSON.formatDate(end.addingTimeInterval(-86_400 * 2 - Double(index) * 60))), "values": row]
        } + current.enumerated().map { index, row -> JSONValue in
            ["time": .string(PlexusJSON.formatDate(end.addingTimeInterval(-3_600 - Double(index) * 10))), "values": row]
        }
        let posted = try await server.request(.post, "/api/v1/monitoring/series/model.tree/points", json: ["points": .array(points)])
        #expect(posted.status == .created, "\(posted.text)")
        let definition: JSONValue = [
            "name": "what drives tree", "source": ["kind": "explanation", "model": "tree"], "window": "1d", "reference": ["trailing": "7d"],
            "minimumSampleSize": 30, "drift": ["methods": [.init(stringLiteral: driver): ["method": "wasserstein", "threshold": 0.1]]],
            "rules": [["type": "column_drift", "column": .string(driver)], ["type": "metric_change", "column": .string(driver), "statistic": "mean", "percent": 50]],
        ]
        let created = try await server.request(.post, "/api/v1/monitors", json: definition)
        let id = try #require(created.json["id"]?.stringValue, "\(created.text)")
        return (id, driver, definition, currentMeans[strongest], referenceMeans[strongest])
    }

    @Test("An explanation monitor compares how strongly each feature drives logged predictions, as the explain route attributes them", arguments: TestDatabase.available)
    func explanationMonitor(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let drifting = try await Self.driftingExplanationMonitor(on: server)
            let (id, driver, monitor) = (drifting.id, drifting.driver, drifting.definition)
            let run = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            let check = try #require(run.json["run"]?["check"], "\(run.text)")
            #expect(check["status"] == "drift" && check["currentRows"] == 40 && check["referenceRows"] == 40, "\(run.text)")
            let columns = check["drift"]?["columns"]?.arrayValue ?? []
            #expect(Set(columns.compactMap { $0["name"]?.stringValue }) == Set(Self.treeFeatures))
            #expect(columns.first { $0["name"] == .string(driver) }?["result"]?["drifted"] == true, "\(run.text)")
            #expect(check["fired"]?.arrayCount == 2, "\(run.text)")
            // The monitor's mean |SHAP| is the explain route's, in both windows.
            let reading = try #require(check["metrics"]?.arrayValue?.first { $0["metric"] == .string("\(driver).mean") })
            for (monitored, explained) in [(reading["reference"]?.numberValue, drifting.referenceMean), (reading["current"]?.numberValue, drifting.currentMean)] {
                let value = try #require(monitored)
                #expect(abs(value - explained) <= 1e-9 * max(1, explained), "monitor \(value), explain \(explained)")
            }

            // A monitor naming a model that is not uploaded, or an unknown method, is refused.
            let unknown = try await server.request(.post, "/api/v1/monitors", json: monitor.setting("source", ["kind": "explanation", "model": "nope"]))
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "source.model", "\(unknown.text)")
            let method = try await server.request(.post, "/api/v1/monitors", json: monitor.setting("source", ["kind": "explanation", "model": "tree", "method": "saliency"]))
            #expect(method.status == .badRequest && method.errorField == "source.method", "\(method.text)")
        }
    }

    @Test("More rows than are explained at once become an explanation job whose stored result equals the direct answer", arguments: TestDatabase.available)
    func explanationJob(database: TestDatabase) async throws {
        var configuration = ServerConfiguration()
        configuration.explainSyncRows = 10
        configuration.jobPollInterval = .milliseconds(20)
        try await TestServer.run(database, configuration: configuration) { server in
            let features = ["f1", "f2", "f3", "f4", "f5", "f6"]
            _ = try await server.request(
                .post, "/api/v1/models/upload?name=tree&features=\(features.joined(separator: ","))", bytes: try Self.model("decision_tree"), contentType: "application/octet-stream")
            let rows = try #require(Self.reference("decision_tree")["inputs"]?["X"]?.arrayValue).prefix(40).map { row in
                JSONValue.object(Dictionary(uniqueKeysWithValues: zip(features, row.arrayValue ?? [])))
            }
            let body: JSONValue = ["rows": .array(rows), "background": ["rows": .array(rows)]]
            let queued = try await server.request(.post, "/api/v1/models/tree/explain", json: body)
            #expect(queued.status == .accepted && queued.json["rows"] == 40 && queued.json["status"] == "queued", "\(queued.text)")
            let id = try #require(queued.json["jobId"]?.stringValue)
            #expect(queued.json["explanationId"]?.stringValue == id && queued.headers[.location] == "/api/v1/jobs/\(id)")
            let job = try await JobHarness.finished(id: id, on: server)
            #expect(job["status"] == "completed" && job["kind"] == "explanation" && job["progress"]?["itemsScored"] == 40, "\(job)")
            // The rows travel beside the job, not in its parameters.
            #expect(job["parameters"]?["rows"] == nil && job["parameters"]?["modelId"] != nil)

            let stored = try await server.request(.get, "/api/v1/explanations/\(id)")
            #expect(stored.status == .ok && stored.json["rows"]?.arrayCount == 40, "\(stored.text)")
            // Interventional TreeSHAP of a row depends on the row and the background only, so the
            // first ten rows explained directly give the job's first ten rows.
            let direct = try await server.request(.post, "/api/v1/models/tree/explain", json: ["rows": .array(Array(rows.prefix(10))), "background": ["rows": .array(rows)], "store": false])
            #expect(direct.status == .ok, "\(direct.text)")
            #expect(direct.json["rows"]?.arrayValue?.map { $0["values"] } == stored.json["rows"]?.arrayValue?.prefix(10).map { $0["values"] })

            // A job's budget is checked before it is queued: interventional TreeSHAP counts at most
            // 1,000 rows against the background, so 201 background rows pass 200,000 pairs.
            let costly = try await server.request(.post, "/api/v1/models/tree/explain", json: [
                "rows": .array(Array(repeating: rows[0], count: 2_000)), "background": ["rows": .array(Array(repeating: rows[1], count: 201))],
            ])
            #expect(costly.status.code == 422 && costly.errorField == "background", "\(costly.text)")
            // A job's explanation is always stored, and no job takes more than 10,000 rows.
            let unstored = try await server.request(.post, "/api/v1/models/tree/explain", json: body.setting("store", false))
            #expect(unstored.status == .badRequest && unstored.errorField == "store", "\(unstored.text)")
            let tooMany = try await server.request(.post, "/api/v1/models/tree/explain", json: body.setting("rows", .array(Array(repeating: rows[0], count: 10_001))))
            #expect(tooMany.status.code == 422 && tooMany.errorField == "rows", "\(tooMany.status) \(tooMany.text.prefix(300))")
        }
    }

    @Test("A dataset's quality check names the columns a model's inputs lack or cannot read", arguments: TestDatabase.available)
    func datasetAgainstModel(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/models/upload?name=pipeline", bytes: try Self.model("column_pipeline"), contentType: "application/octet-stream")
            _ = try await server.request(
                .post, "/api/v1/models/upload?name=tree&features=f1,f2,f3,f4,f5,f6", bytes: try Self.model("decision_tree"), contentType: "application/octet-stream")
            // Inputs a, b, c (floats) and channel (strings): b is text here and channel is absent.
            let csv = "a,b,c,f1,f2,f3,f4,f5\n" + (0 ..< 30).map { "\($0),b\($0),\(Double($0) / 2),1,2,3,4,5" }.joined(separator: "\n") + "\n"
            let dataset = try await server.request(.post, "/api/v1/data/upload?name=inputs", raw: csv, contentType: "text/csv")
            let id = try #require(dataset.json["id"]?.stringValue, "\(dataset.text)")
            func schemaFindings(_ query: String) async throws -> [String] {
                let reply = try await server.request(.get, "/api/v1/data/\(id)/quality?\(query)")
                #expect(reply.status == .ok, "\(reply.text)")
                return (reply.json["findings"]?.arrayValue ?? []).filter { $0["kind"] == "missing_column" || $0["kind"] == "mistyped_column" }
                    .map { "\($0["kind"]?.stringValue ?? ""):\($0["column"]?.stringValue ?? "")" }.sorted()
            }
            #expect(try await schemaFindings("model=pipeline") == ["missing_column:channel", "mistyped_column:b"])
            #expect(try await schemaFindings("model=tree%401") == ["missing_column:f6"])
            // expect overrides the model's type for a column it names.
            #expect(try await schemaFindings("model=pipeline&expect=%7B%22b%22%3A%22text%22%7D") == ["missing_column:channel"])
            let unknown = try await server.request(.get, "/api/v1/data/\(id)/quality?model=nope")
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "model", "\(unknown.text)")
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
