import PlexusCore

/// What scoring and training runs read: which items are already scored, and labelled items.
extension ScorecardsResource {
    /// The external IDs among `itemIDs` that already have a result for every score in `scores`
    /// (every score of the scorecard when `nil`), counting only results of scorecard version
    /// `version` when given. Asks in requests of at most 1,000 IDs; keeps the order given.
    public func scoredItems(_ key: String, itemIDs: [String], scores: [String]? = nil, version: Int? = nil) async throws -> [String] {
        var scored: [String] = []
        for start in stride(from: 0, to: itemIDs.count, by: ScoredItemsQuery.maximumItems) {
            let chunk = Array(itemIDs[start..<min(start + ScoredItemsQuery.maximumItems, itemIDs.count)])
            let query = ScoredItemsQuery(version: version, scores: scores, itemIds: chunk)
            try LocalValidation.check { try query.validate() }
            let answer: ScoredItems = try await core.transport.send(try .post("scorecards", key, "scored-items", body: query, retryable: true))
            scored += answer.scored
        }
        return scored
    }

    /// One page of the items labelled for score `score` of the scorecard `key`, with their text,
    /// metadata and label, newest label first.
    public func labelledItems(_ key: String, score: String, limit: Int? = nil, cursor: String? = nil) async throws -> Page<LabelledItem> {
        try await core.transport.send(.get(
            "scorecards", key, "scores", score, "labelled-items", query: Self.paging(limit: limit, cursor: cursor),
            subject: ("score", "\(key)/\(score)")))
    }

    /// Every item labelled for score `score`, following the pages to the end.
    public func allLabelledItems(_ key: String, score: String) async throws -> [LabelledItem] {
        var items: [LabelledItem] = []
        var cursor: String?
        repeat {
            let page = try await labelledItems(key, score: score, limit: PageRequest.maximumLimit, cursor: cursor)
            items += page.data
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }
}
