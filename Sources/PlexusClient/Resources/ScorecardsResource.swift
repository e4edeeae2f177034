import PlexusCore

/// Scorecards: create, read, list and update.
public struct ScorecardsResource: Sendable {
    let core: ClientCore

    /// The scorecard whose key or ID is `key`, read fresh from the server (which also refreshes
    /// the client's cache of its score IDs).
    public func get(key: String) async throws -> Scorecard {
        let scorecard: Scorecard = try await core.transport.send(.get("scorecards", key, subject: ("scorecard", key)))
        await core.resolver.remember(scorecard)
        return scorecard
    }

    /// One page of the account's scorecards; pass the page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil) async throws -> Page<Scorecard> {
        var query: [(name: String, value: String)] = []
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        return try await core.transport.send(.get("scorecards", query: query))
    }

    /// Creates a scorecard with its sections and scores.
    public func create(_ draft: ScorecardDraft) async throws -> Scorecard {
        try LocalValidation.check { try draft.validate() }
        let scorecard: Scorecard = try await core.transport.send(try .post("scorecards", body: draft, retryable: false))
        await core.resolver.remember(scorecard)
        return scorecard
    }

    /// Applies `update` to the scorecard whose key or ID is `key`; its version goes up by one.
    public func update(key: String, _ update: ScorecardUpdate) async throws -> Scorecard {
        try LocalValidation.check { try update.validate() }
        let scorecard: Scorecard = try await core.transport.send(try .patch("scorecards", key, body: update, subject: ("scorecard", key)))
        await core.resolver.remember(scorecard)
        return scorecard
    }
}
