import PlexusCore
import SQLKit

/// Which items already have results, so interrupted scoring runs resume instead of starting over.
extension SQLStore {
    /// The external IDs among `query.itemIds` that have a result for every score `query.scores`
    /// names (every score of the scorecard when `nil`), counting only results recorded with
    /// scorecard version `query.version` when it is given. In the order asked, without repeats.
    public func scoredItems(_ scorecardIdOrKey: String, query: ScoredItemsQuery, accountID: Identifier<Account>) async throws -> [String] {
        try query.validate()
        let itemIDs = Array(Set(query.itemIds))
        return try await backend.read { db in
            guard let scorecard = try await Self.loadScorecard(scorecardIdOrKey, accountID: accountID, on: db) else {
                throw DomainError.notFound(resource: "scorecard", id: scorecardIdOrKey, field: nil)
            }
            let scoreIDs = try Self.scoreIDs(query.scores, of: scorecard)
            guard !itemIDs.isEmpty, !scoreIDs.isEmpty else { return [] }
            var sql: SQLQueryString = """
                SELECT i.external_id FROM items i JOIN score_results r ON r.item_id = i.id
                WHERE i.account_id = \(bind: accountID.rawValue) AND i.external_id IN (\(binds: itemIDs))
                    AND r.account_id = \(bind: accountID.rawValue) AND r.scorecard_id = \(bind: scorecard.id.rawValue)
                    AND r.score_id IN (\(binds: scoreIDs))
                """
            if let version = query.version { sql += " AND r.scorecard_version = \(bind: version)" }
            sql += " GROUP BY i.external_id HAVING COUNT(DISTINCT r.score_id) = \(bind: scoreIDs.count)"
            let scored = Set(try await db.raw(sql).all().map { try $0.string("external_id") })
            var seen = Set<String>()
            return query.itemIds.filter { scored.contains($0) && seen.insert($0).inserted }
        }
    }

    /// The IDs of the named scores (every score when `keys` is `nil`); an unknown one is not found at `scores[i]`.
    private static func scoreIDs(_ keys: [String]?, of scorecard: Scorecard) throws -> [String] {
        guard let keys else { return scorecard.allScores.map(\.id.rawValue) }
        let ids = try keys.enumerated().map { index, key in
            guard let score = scorecard.score(key) else {
                throw DomainError.notFound(resource: "score in scorecard '\(scorecard.key)'", id: key, field: "scores[\(index)]")
            }
            return score.id.rawValue
        }
        return Array(Set(ids))
    }
}
