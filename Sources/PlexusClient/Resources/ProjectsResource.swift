import Foundation
import PlexusCore

/// The account's agent projects (`/api/v1/projects`) and their LLM logs (`/api/v1/logs/…`):
/// create, list, read and change projects, stream a log file in, and read logs. Answers decode
/// into a type the caller names, such as PlexusAgents' `Project` and `LogImportReport`, so a
/// pipeline that imports only the client need not carry the agents module.
public struct ProjectsResource: Sendable {
    let core: ClientCore

    /// Creates a project from `input` (key and name at least).
    public func create<Answer: Decodable>(_ input: some Encodable & Sendable, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.post("projects", body: input, retryable: false))
    }

    /// One page of the account's projects, newest first.
    public func list<Project: Codable & Sendable>(of type: Project.Type, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Project> {
        try await core.transport.send(.get("projects", query: ScorecardsResource.paging(limit: limit, cursor: cursor)))
    }

    /// The project with this ID or key.
    public func get<Answer: Decodable>(_ idOrKey: String, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.get("projects", idOrKey, subject: ("project", idOrKey)))
    }

    /// Changes the fields `update` names.
    public func update<Answer: Decodable>(_ idOrKey: String, with update: some Encodable & Sendable, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.patch("projects", idOrKey, body: update, subject: ("project", idOrKey)))
    }

    /// Streams the JSON Lines file at `file` into the project's logs in `format` (`portkey` or
    /// `openai-jsonl`); `progress` hears how many bytes have gone of how many.
    public func importLogs<Answer: Decodable>(
        file: URL, project: String, format: String, as type: Answer.Type, progress: @escaping @Sendable (_ sent: Int64, _ total: Int64) -> Void = { _, _ in }
    ) async throws -> Answer {
        let data = try await core.transport.upload(
            file: file, path: ["logs", project, "upload"], query: [("format", format)], contentType: "application/x-ndjson", progress: progress)
        do {
            return try PlexusJSON.decoder().decode(Answer.self, from: data)
        } catch {
            throw PlexusClientError.decoding(type: String(describing: Answer.self), message: String(describing: error))
        }
    }

    /// One page of the project's logs (the newest version of each), newest call first.
    public func logs<Log: Codable & Sendable>(_ project: String, of type: Log.Type, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Log> {
        try await core.transport.send(.get("logs", project, query: ScorecardsResource.paging(limit: limit, cursor: cursor), subject: ("project", project)))
    }

    /// What the project's logs add up to (decode into PlexusAgents' `LogStats`).
    public func logStats<Answer: Decodable>(_ project: String, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.get("logs", project, "stats", subject: ("project", project)))
    }
}
