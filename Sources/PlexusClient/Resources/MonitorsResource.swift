import Foundation
import PlexusCore

/// The account's monitors (`/api/v1/monitors`), their runs, alerts (`/api/v1/alerts`), series
/// points and the scheduler. Definitions and answers are any `Codable` types the caller names,
/// such as PlexusMonitoring's `MonitorDefinition`, `Monitor` and `Alert`, so a pipeline that only
/// posts points need not carry the monitoring module.
public struct MonitorsResource: Sendable {
    let core: ClientCore

    /// Creates a monitor from `definition`.
    public func create<Answer: Decodable>(_ definition: some Encodable, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.post("monitors", body: definition, retryable: false))
    }

    /// Replaces the definition of monitor `id`.
    public func replace<Answer: Decodable>(_ id: String, with definition: some Encodable, as type: Answer.Type) async throws -> Answer {
        var request = try APIRequest.patch("monitors", id, body: definition, subject: ("monitor", id))
        request.method = .put
        return try await core.transport.send(request)
    }

    /// One page of the account's monitors, newest first.
    public func list<Monitor: Decodable & Sendable>(of type: Monitor.Type, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Monitor> {
        let page = try await core.transport.send(.get("monitors", query: Self.paging(limit, cursor)), as: Listing<Monitor>.self)
        return Page(data: page.data, nextCursor: page.nextCursor)
    }

    /// The monitor `id`.
    public func get<Answer: Decodable>(_ id: String, as type: Answer.Type) async throws -> Answer {
        try await core.transport.send(.get("monitors", id, subject: ("monitor", id)))
    }

    /// Deletes the monitor `id` with its runs and alerts.
    public func delete(_ id: String) async throws {
        _ = try await core.transport.perform(.delete("monitors", id, subject: ("monitor", id)))
    }

    /// Runs the monitor `id` now; answers the run and the alerts it changed.
    public func run<Answer: Decodable>(_ id: String, as type: Answer.Type) async throws -> Answer {
        var request = try APIRequest.post("monitors", id, "run", body: [String: String](), retryable: false)
        request.subject = ("monitor", id)
        return try await core.transport.send(request)
    }

    /// One page of the runs of monitor `id`, newest first.
    public func runs<Run: Decodable & Sendable>(_ id: String, of type: Run.Type, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Run> {
        let page = try await core.transport.send(.get("monitors", id, "runs", query: Self.paging(limit, cursor), subject: ("monitor", id)), as: Listing<Run>.self)
        return Page(data: page.data, nextCursor: page.nextCursor)
    }

    /// One page of the account's alerts, newest first; only those in `state` when given.
    public func alerts<Alert: Decodable & Sendable>(of type: Alert.Type, state: String? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Alert> {
        var query = Self.paging(limit, cursor)
        if let state { query.append(("state", state)) }
        let page = try await core.transport.send(.get("alerts", query: query), as: Listing<Alert>.self)
        return Page(data: page.data, nextCursor: page.nextCursor)
    }

    /// Acknowledges (`acknowledge`) or resolves (`resolve`) the alert `id`.
    public func setAlert<Answer: Decodable>(_ id: String, _ action: AlertAction, as type: Answer.Type) async throws -> Answer {
        var request = try APIRequest.post("alerts", id, action.rawValue, body: [String: String](), retryable: true)
        request.subject = ("alert", id)
        return try await core.transport.send(request)
    }

    /// What can be done to an alert.
    public enum AlertAction: String, Sendable {
        case acknowledge, resolve
    }

    /// Posts points (each `{"time": …, "values": {…}}`) to the series `name`; answers how many were stored.
    @discardableResult
    public func post(points: [some Encodable & Sendable], toSeries name: String) async throws -> Int {
        let stored = try await core.transport.send(.post("monitoring", "series", name, "points", body: Batch(points: points), retryable: false), as: Stored.self)
        return stored.stored
    }

    private struct Batch<Point: Encodable>: Encodable {
        let points: [Point]
    }

    private struct Stored: Decodable {
        let stored: Int
    }

    private struct Listing<Row: Decodable>: Decodable {
        let data: [Row]
        let nextCursor: String?
    }

    private static func paging(_ limit: Int?, _ cursor: String?) -> [(name: String, value: String)] {
        var query: [(name: String, value: String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        return query
    }
}
