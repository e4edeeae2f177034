import PlexusCore

/// Scorecard versions: push a YAML source, read one version or list them.
extension ScorecardsResource {
    /// Pushes a scorecard's YAML source. The server parses and checks it, creates or updates the
    /// scorecard it describes, and keeps the source verbatim as the scorecard's next version.
    ///
    /// - Throws: ``PlexusClientError/api(status:code:message:field:)`` with status 422 and code
    ///   `invalid_scorecard` when the source has problems; the message lists every one.
    public func pushVersion(source: String) async throws -> ScorecardVersion {
        // Each push makes a new version, so a resend after a lost answer would make two.
        try await core.transport.send(try .post("scorecards", "versions", body: ScorecardSourceInput(source: source), retryable: false))
    }

    /// Version `version` of the scorecard whose key or ID is `key`, or its newest when `version` is `nil`.
    public func version(_ key: String, version: Int? = nil) async throws -> ScorecardVersion {
        let number = version.map(String.init) ?? "latest"
        return try await core.transport.send(.get("scorecards", key, "versions", number, subject: ("scorecard version", "\(key) v\(number)")))
    }

    /// One page of the scorecard's versions, newest first; pass the page's `nextCursor` as `cursor` for the next one.
    public func versions(_ key: String, limit: Int? = nil, cursor: String? = nil) async throws -> Page<ScorecardVersion> {
        try await core.transport.send(.get("scorecards", key, "versions", query: Self.paging(limit: limit, cursor: cursor), subject: ("scorecard", key)))
    }

    /// The `limit` and `cursor` query parameters.
    static func paging(limit: Int?, cursor: String?) -> [(name: String, value: String)] {
        var query: [(name: String, value: String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        return query
    }
}
