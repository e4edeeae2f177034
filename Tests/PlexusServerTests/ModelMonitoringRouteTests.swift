import Foundation
import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

/// Uploaded models feeding the rest of Plexus over HTTP: an explanation monitor over logged
/// predictions, explanation jobs for large requests, and a dataset's quality checked against a
/// model's inputs, on both databases. The models are the zoo of scripts/reference/onnx_zoo.py.
@Suite("ONNX models with monitors, jobs and dataset checks")
struct ModelMonitoringRouteTests {
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
            .post, "/api/v1/models/upload?name=tree&features=\(features.joined(separator: ","))", bytes: try ModelRouteTests.model("decision_tree"), contentType: "application/octet-stream")
        let inputs = try #require(ModelRouteTests.reference("decision_tree")["inputs"]?["X"]?.arrayValue)
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
                .post, "/api/v1/models/upload?name=tree&features=\(features.joined(separator: ","))", bytes: try ModelRouteTests.model("decision_tree"), contentType: "application/octet-stream")
            let rows = try #require(ModelRouteTests.reference("decision_tree")["inputs"]?["X"]?.arrayValue).prefix(40).map { row in
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
            _ = try await server.request(.post, "/api/v1/models/upload?name=pipeline", bytes: try ModelRouteTests.model("column_pipeline"), contentType: "application/octet-stream")
            _ = try await server.request(
                .post, "/api/v1/models/upload?name=tree&features=f1,f2,f3,f4,f5,f6", bytes: try ModelRouteTests.model("decision_tree"), contentType: "application/octet-stream")
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
}
