import PlexusCore
import SQLKit

/// Counts and searches the dashboard shows, each one indexed SQL query.
extension SQLStore {
    /// How many of each thing an account has.
    public struct AccountCounts: Sendable, Equatable {
        /// Scorecards.
        public var scorecards: Int
        /// Items.
        public var items: Int
        /// Score results.
        public var scoreResults: Int
        /// Evaluations.
        public var evaluations: Int

        /// Creates counts.
        public init(scorecards: Int, items: Int, scoreResults: Int, evaluations: Int) {
            self.scorecards = scorecards
            self.items = items
            self.scoreResults = scoreResults
            self.evaluations = evaluations
        }
    }

    /// The account's totals; items and results come from counters the inserts keep, not a scan.
    public func counts(accountID: Identifier<Account>) async throws -> AccountCounts {
        try await backend.read { db in
            func count(_ table: String) async throws -> Int {
                let row = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE account_id = \(bind: accountID.rawValue)").first()
                return try row?.int("n") ?? 0
            }
            let results = try await db.raw("SELECT CAST(SUM(count) AS BIGINT) AS n FROM score_result_counts WHERE account_id = \(bind: accountID.rawValue)").first()
            let items = try await db.raw("SELECT count AS n FROM item_counts WHERE account_id = \(bind: accountID.rawValue)").first()
            return AccountCounts(
                scorecards: try await count("scorecards"), items: try items?.int("n") ?? 0,
                scoreResults: try results?.optionalInt("n") ?? 0, evaluations: try await count("evaluations"))
        }
    }

    /// Results per score of one scorecard, from the counters every insert keeps.
    public func resultCounts(scorecardID: Identifier<Scorecard>, accountID: Identifier<Account>) async throws -> [Identifier<Score>: Int] {
        try await backend.read { db in
            let rows = try await db.raw("""
                SELECT score_id, count AS n FROM score_result_counts
                WHERE account_id = \(bind: accountID.rawValue) AND scorecard_id = \(bind: scorecardID.rawValue)
                """).all()
            var counts: [Identifier<Score>: Int] = [:]
            for row in rows { counts[try row.id("score_id")] = try row.int("n") }
            return counts
        }
    }

    /// Items whose external ID or text contains `text` (case-insensitive for ASCII), newest first.
    public func searchItems(accountID: Identifier<Account>, containing text: String, page: PageRequest) async throws -> Page<Item> {
        let tail = try KeysetPage.clause(page)
        let pattern = "%" + text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try await backend.read { db in
            let items = try await db.raw("""
                SELECT * FROM items WHERE account_id = \(bind: accountID.rawValue)
                AND (LOWER(external_id) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(text) LIKE \(bind: pattern) ESCAPE '\\')
                """ + tail).all().map(Self.item(from:))
            return Page(data: items, nextCursor: Cursor.next(after: items, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Removes an API key (a dashboard session is one); unknown tokens are ignored.
    public func removeAPIKey(_ token: String) async throws {
        let hash = APIToken.hash(token)
        try await backend.write { tx in
            try await tx.sql.raw("DELETE FROM api_keys WHERE token_hash = \(bind: hash)").run()
        }
    }
}
