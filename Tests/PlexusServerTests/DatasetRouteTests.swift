import Crypto
import Foundation
import Hummingbird
import PlexusCore
import PlexusServer
import PlexusTestSupport
import Testing

@Suite("Datasets over REST")
struct DatasetRouteTests {
    /// A small CSV with one of everything the quality checks look for: a missing value, a
    /// duplicate row, a constant column, an outlier, a value of the wrong type and a bad row.
    static let csv = """
        age,plan,score,region,churned
        34,basic,0.5,eu,no
        41,pro,0.7,eu,yes
        29,basic,0.4,eu,no
        ,pro,0.6,eu,no
        38,basic,12.0,eu,no
        45,pro,0.8,eu,yes
        41,pro,0.7,eu,yes
        33,basic,0.45,eu,no
        36,"pro",0.65,eu,no
        31,basic,oops,eu,no
        39,basic,0.55,eu
        30,pro,0.5,eu,yes

        """

    /// A multipart/form-data body as curl -F builds it.
    static func form(_ parts: [(name: String, fileName: String?, value: String)], boundary: String = "plexus-test-boundary") -> String {
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let fileName = part.fileName { body += "; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream" }
            body += "\r\n\r\n\(part.value)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }

    static let multipart = "multipart/form-data; boundary=plexus-test-boundary"

    @Test("A multipart upload is stored with its schema, counts, digest, statistics and findings", arguments: TestDatabase.available)
    func multipartUpload(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let body = Self.form([("name", nil, "customers"), ("file", "customers.csv", Self.csv), ("description", nil, "Q3 snapshot")])
            let reply = try await server.request(.post, "/api/v1/data/upload", raw: body, contentType: Self.multipart)
            #expect(reply.status == .created, "\(reply.text)")
            let id = try #require(reply.json["id"]?.stringValue)
            #expect(reply.json["name"] == "customers" && reply.json["description"] == "Q3 snapshot" && reply.json["status"] == "ready")
            #expect(reply.json["rowCount"] == 11 && reply.json["badRowCount"] == 1 && reply.json["duplicateRowCount"] == 1)
            #expect(reply.json["badRows"]?[0]?["line"] == 12)
            #expect(reply.json["sha256"]?.stringValue == Self.sha256(Self.csv))
            let types = reply.json["columns"]?.arrayValue?.map { "\($0["name"]?.stringValue ?? ""):\($0["type"]?.stringValue ?? "")" }
            #expect(types == ["age:integer", "plan:categorical", "score:float", "region:categorical", "churned:boolean"])

            let statistics = try await server.request(.get, "/api/v1/data/\(id)/statistics")
            #expect(statistics.status == .ok)
            let age = try #require(statistics.json["columns"]?[0])
            #expect(age["count"] == 10 && age["missing"] == 1 && age["min"] == 29 && age["max"] == 45 && age["p50"] == 35)
            #expect(age["histogram"]?["counts"]?.arrayValue?.compactMap(\.numberValue).reduce(0, +) == 10)
            let plan = try #require(statistics.json["columns"]?[1])
            #expect(plan["top"]?[0]?["value"] == "pro" && plan["top"]?[0]?["count"] == 6)

            let quality = try await server.request(.get, "/api/v1/data/\(id)/quality")
            let kinds = Set(quality.json["findings"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? [])
            #expect(kinds.isSuperset(of: ["unreadable_rows", "duplicate_rows", "missing_values", "constant_column", "mixed_types", "outliers_iqr"]), "\(kinds)")
            let score = try #require(quality.json["score"]?.numberValue)
            #expect(score > 0 && score < 100 && reply.json["qualityScore"]?.numberValue == score)
            let mixed = quality.json["findings"]?.arrayValue?.first { $0["kind"] == "mixed_types" }
            #expect(mixed?["column"] == "score" && mixed?["examples"]?[0]?["value"] == "oops" && mixed?["examples"]?[0]?["row"] == 9)

            let expecting = try await server.request(.get, "/api/v1/data/\(id)/quality?expect=%7B%22tenure%22%3A%22integer%22%2C%22plan%22%3A%22float%22%7D")
            let schemaKinds = expecting.json["findings"]?.arrayValue?.filter { $0["kind"] == "missing_column" || $0["kind"] == "mistyped_column" }
            #expect(schemaKinds?.map { $0["column"] } == ["plan", "tenure"] || schemaKinds?.map { $0["column"] } == ["tenure", "plan"])
            #expect(try #require(expecting.json["score"]?.numberValue) < score)
        }
    }

    @Test("Raw CSV and JSON Lines bodies, the schema override, listing, reading and deleting", arguments: TestDatabase.available)
    func rawBodies(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let schema = "%7B%22age%22%3A%22categorical%22%7D"
            let csv = try await server.request(.post, "/api/v1/data/upload?name=raw&schema=\(schema)", raw: Self.csv, contentType: "text/csv")
            #expect(csv.status == .created, "\(csv.text)")
            #expect(csv.json["columns"]?[0]?["type"] == "categorical" && csv.json["columns"]?[0]?["inferredType"] == "integer")
            let lines = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2.5,\"c\":true}\nnot json\n"
            let jsonl = try await server.request(.post, "/api/v1/data/upload?name=events", raw: lines, contentType: "application/x-ndjson")
            #expect(jsonl.status == .created, "\(jsonl.text)")
            #expect(jsonl.json["format"] == "jsonl" && jsonl.json["rowCount"] == 2 && jsonl.json["badRows"]?[0]?["line"] == 3)
            #expect(jsonl.json["columns"]?.arrayValue?.map { $0["name"] } == ["a", "b", "c"])

            let list = try await server.request(.get, "/api/v1/data")
            #expect(list.json["data"]?.arrayValue?.map { $0["name"] } == ["events", "raw"])
            #expect(try await server.request(.get, "/api/v1/data/").json["data"]?.arrayCount == 2)
            let paged = try await server.request(.get, "/api/v1/data?limit=1")
            let cursor = try #require(paged.json["nextCursor"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/data?limit=1&cursor=\(cursor)").json["data"]?[0]?["name"] == "raw")

            let id = try #require(csv.json["id"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/data/\(id)").json == csv.json)
            let deleted = try await server.request(.delete, "/api/v1/data/\(id)")
            #expect(deleted.status == .ok && deleted.json["deleted"] == true)
            for path in ["/api/v1/data/\(id)", "/api/v1/data/\(id)/statistics", "/api/v1/data/\(id)/quality"] {
                #expect(try await server.request(.get, path).status == .notFound, "\(path)")
            }
            #expect(try await server.request(.delete, "/api/v1/data/\(id)").status == .notFound)
            #expect(try await server.request(.get, "/api/v1/data").json["data"]?.arrayCount == 1)
        }
    }

    @Test("Bad uploads get a clear 4xx naming the field, and leave nothing behind", arguments: TestDatabase.available)
    func badUploads(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let cases: [(body: String, contentType: String, query: String, status: Int, code: String, field: String)] = [
                (Self.csv, "application/json", "", 415, "unsupported_media_type", "Content-Type"),
                (Self.form([("name", nil, "no file")]), Self.multipart, "", 400, "missing_file", "file"),
                ("", "text/csv", "", 422, "invalid_dataset", "file"),
                ("{}", "text/csv", "", 422, "invalid_dataset", "file"),
                ("[1]\nnull\n", "application/x-ndjson", "", 422, "invalid_dataset", "file"),
                (Self.csv, "text/csv", "?schema=%7B%22nope%22%3A%22float%22%7D", 422, "invalid_dataset", "schema"),
                (Self.csv, "text/csv", "?schema=%7B%22age%22%3A%22money%22%7D", 400, "invalid_value", "schema.age"),
                (Self.csv, "text/csv", "?schema=not-json", 400, "invalid_parameter", "schema"),
                (Self.csv, "text/csv", "?format=xlsx", 400, "invalid_parameter", "format"),
                (Self.csv, "multipart/form-data", "", 400, "malformed_multipart", "Content-Type"),
                (String(Self.form([("file", "x.csv", Self.csv)]).dropLast(30)), Self.multipart, "", 400, "malformed_multipart", "file"),
                (Self.form([("file", "a.csv", Self.csv), ("file", "b.csv", Self.csv)]), Self.multipart, "", 400, "invalid_parameter", "file"),
            ]
            for bad in cases {
                let reply = try await server.request(.post, "/api/v1/data/upload" + bad.query, raw: bad.body, contentType: bad.contentType)
                #expect(reply.status.code == bad.status && reply.errorCode == bad.code && reply.errorField == bad.field,
                        "\(bad.contentType) \(bad.query): \(reply.status) \(reply.text)")
                #expect(reply.json["error"]?["message"]?.stringValue?.isEmpty == false)
            }
            #expect(try await server.request(.get, "/api/v1/data").json["data"]?.arrayCount == 0)
            #expect(try await server.store.datasetStorage() == (datasets: 0, chunks: 0))
        }
    }

    @Test("A file larger than the upload limit gets 413 and is not kept")
    func tooLarge() async throws {
        var configuration = ServerConfiguration()
        configuration.maxUploadBytes = 100
        try await TestServer.run(configuration: configuration) { server in
            let reply = try await server.request(.post, "/api/v1/data/upload", raw: Self.csv, contentType: "text/csv")
            #expect(reply.status == .contentTooLarge && reply.errorCode == "body_too_large", "\(reply.text)")
            #expect(try await server.store.datasetStorage() == (datasets: 0, chunks: 0))
        }
    }

    @Test("Reading needs the read scope and uploading the write scope; an ingest key may do neither")
    func scopes() async throws {
        try await TestServer.run { server in
            let reader = try await server.makeKey(["read"])
            let writer = try await server.makeKey(["write"])
            let ingest = try await server.makeKey(["ingest"])
            #expect(try await server.request(.post, "/api/v1/data/upload", key: reader, raw: Self.csv, contentType: "text/csv").status == .forbidden)
            #expect(try await server.request(.post, "/api/v1/data/upload", key: ingest, raw: Self.csv, contentType: "text/csv").status == .forbidden)
            let made = try await server.request(.post, "/api/v1/data/upload", key: writer, raw: Self.csv, contentType: "text/csv")
            #expect(made.status == .created)
            #expect(try await server.request(.get, "/api/v1/data", key: reader).json["data"]?.arrayCount == 1)
            #expect(try await server.request(.get, "/api/v1/data", key: ingest).status == .forbidden)
        }
    }

    private static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
