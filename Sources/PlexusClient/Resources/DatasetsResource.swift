import Foundation
import PlexusCore

/// The account's datasets (`/api/v1/data`): upload a CSV or JSON Lines file, list, read, delete,
/// and read statistics and quality findings. Answers decode into a type the caller names, such
/// as PlexusMonitoring's `Dataset`, `DatasetStatistics` and `DatasetQuality`, so a pipeline that
/// imports only the client need not carry the monitoring module.
public struct DatasetsResource: Sendable {
    let core: ClientCore

    /// Streams the file at `file` to the server, which stores, profiles and checks it; `progress`
    /// hears how many bytes have gone of how many. The format comes from the file's extension
    /// (`.jsonl`/`.ndjson` for JSON Lines, otherwise CSV) unless `format` names it; `schema`
    /// forces column types (`["plan": "categorical"]`).
    public func upload<Answer: Decodable>(
        file: URL, name: String? = nil, description: String? = nil, schema: [String: String] = [:], format: String? = nil,
        as type: Answer.Type, progress: @escaping @Sendable (_ sent: Int64, _ total: Int64) -> Void = { _, _ in }
    ) async throws -> Answer {
        let chosen = (format ?? (["jsonl", "ndjson"].contains(file.pathExtension.lowercased()) ? "jsonl" : "csv")).lowercased()
        guard chosen == "csv" || chosen == "jsonl" else {
            throw PlexusClientError.invalid(field: "format", message: "The format must be csv or jsonl; got '\(chosen)'.")
        }
        var query: [(name: String, value: String)] = [("name", name ?? file.deletingPathExtension().lastPathComponent), ("format", chosen)]
        if let description { query.append(("description", description)) }
        if !schema.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            query.append(("schema", String(decoding: try encoder.encode(schema), as: UTF8.self)))
        }
        let data = try await core.transport.upload(
            file: file, path: ["data", "upload"], query: query, contentType: chosen == "csv" ? "text/csv" : "application/x-ndjson", progress: progress)
        return try Self.decode(data)
    }

    /// One page of the account's datasets, newest first.
    public func list<Dataset: Decodable & Sendable>(of type: Dataset.Type, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Dataset> {
        var query: [(name: String, value: String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        let page = try await core.transport.send(.get("data", query: query), as: DatasetPage<Dataset>.self)
        return Page(data: page.data, nextCursor: page.nextCursor)
    }

    /// The dataset `id`.
    public func get<Answer: Decodable>(_ id: String, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.get("data", id, subject: ("dataset", id)))
    }

    /// Every column's statistics of the dataset `id`.
    public func statistics<Answer: Decodable>(_ id: String, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.get("data", id, "statistics", subject: ("dataset", id)))
    }

    /// The quality findings and score of the dataset `id`; `expect` adds the checks of an input
    /// schema (column names to types), and `model` those of an uploaded model's inputs (its ID,
    /// name@version or name).
    public func quality<Answer: Decodable>(_ id: String, expect: [String: String] = [:], model: String? = nil, as type: Answer.Type) async throws -> Answer {
        var query: [(name: String, value: String)] = model.map { [("model", $0)] } ?? []
        if !expect.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            query.append(("expect", String(decoding: try encoder.encode(expect), as: UTF8.self)))
        }
        return try await core.transport.send(.get("data", id, "quality", query: query, subject: ("dataset", id)))
    }

    /// Deletes the dataset `id` and its cells.
    public func delete(_ id: String) async throws {
        _ = try await core.transport.perform(.delete("data", id, subject: ("dataset", id)))
    }

    private struct DatasetPage<Dataset: Decodable>: Decodable {
        let data: [Dataset]
        let nextCursor: String?
    }

    private static func decode<Answer: Decodable>(_ data: Data) throws -> Answer {
        do {
            return try PlexusJSON.decoder().decode(Answer.self, from: data)
        } catch {
            throw PlexusClientError.decoding(type: String(describing: Answer.self), message: String(describing: error))
        }
    }
}
