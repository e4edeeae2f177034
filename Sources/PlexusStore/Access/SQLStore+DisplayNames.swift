import PlexusCore
import SQLKit

/// What pages show instead of IDs: a score's name and key (with its scorecard's key) and an item's external ID.
public struct DisplayNames: Sendable, Hashable {
    /// A score as people know it.
    public struct ScoreName: Sendable, Hashable {
        /// The key of the scorecard the score belongs to.
        public var scorecardKey: String
        /// The score's key.
        public var key: String
        /// The score's display name.
        public var name: String
    }

    /// Scores by ID; retired scores are included, since their results remain.
    public var scores: [Identifier<Score>: ScoreName] = [:]
    /// Items' external IDs by Plexus ID.
    public var items: [Identifier<Item>: String] = [:]

    /// Creates an empty set of names.
    public init() {}
}

extension SQLStore {
    /// The names of the given scores and items of the account, in two lookups by primary key.
    ///
    /// The account is checked on the rows found rather than in the query: given `account_id = ?`,
    /// SQLite walks the account's index (every item of the account) instead of probing the IDs.
    public func displayNames(
        scores: some Sequence<Identifier<Score>>, items: some Sequence<Identifier<Item>>, accountID: Identifier<Account>
    ) async throws -> DisplayNames {
        let scoreIDs = Array(Set(scores.map(\.rawValue)))
        let itemIDs = Array(Set(items.map(\.rawValue)))
        return try await backend.read { db in
            var names = DisplayNames()
            for chunk in scoreIDs.chunked(into: 900) {
                let rows = try await db.raw("""
                    SELECT s.id, s.key, s.name, c.key AS scorecard_key, c.account_id FROM scores s JOIN scorecards c ON c.id = s.scorecard_id
                    WHERE s.id IN (\(binds: chunk))
                    """).all()
                for row in rows where try row.string("account_id") == accountID.rawValue {
                    names.scores[try row.id("id")] = DisplayNames.ScoreName(
                        scorecardKey: try row.string("scorecard_key"), key: try row.string("key"), name: try row.string("name"))
                }
            }
            for chunk in itemIDs.chunked(into: 900) {
                let rows = try await db.raw("SELECT id, external_id, account_id FROM items WHERE id IN (\(binds: chunk))").all()
                for row in rows where try row.string("account_id") == accountID.rawValue {
                    names.items[try row.id("id")] = try row.string("external_id")
                }
            }
            return names
        }
    }
}
