import Foundation
import PlexusCore
import SQLKit

/// Scorecard versions: each pushed YAML source, kept verbatim and never changed.
extension SQLStore {
    /// Creates the scorecard `draft` describes (version 1) or makes the one with its key match it
    /// (version + 1: scores keep their IDs, may move between sections, and those the draft leaves
    /// out are retired, see ``ScorecardMerge``), and records `source` as that version, all in one transaction.
    public func pushScorecardVersion(source: String, draft: ScorecardDraft, accountID: Identifier<Account>) async throws -> ScorecardVersion {
        try draft.validate()
        try Validate.nonBlank(source, field: "source")
        let environment = self.environment
        let now = environment.nowMicros()
        let newScorecardID: Identifier<Scorecard> = newID()
        let sectionRows = makeSectionRows(draft.sections, scorecardID: newScorecardID)
        let versionID = environment.newID()
        return try await backend.write { tx in
            // Bumping the version first takes the row's write lock, so concurrent pushes get distinct numbers.
            let bumped = try await tx.sql.raw("""
                UPDATE scorecards SET name = \(bind: draft.name), description = \(bind: draft.description ?? ""),
                    version = version + 1, updated_at = \(bind: now)
                WHERE account_id = \(bind: accountID.rawValue) AND key = \(bind: draft.key)
                RETURNING id, version
                """).first()
            let scorecardID: String
            let version: Int
            if let bumped {
                scorecardID = try bumped.string("id")
                version = try bumped.int("version")
                let current = try await Self.requireScorecard(scorecardID, accountID: accountID, field: "key", on: tx.sql)
                try await ScorecardMerge(current: current, environment: environment, retiresOmitted: true).apply(draft.sections, on: tx)
            } else {
                try await Self.insertScorecard(draft, id: newScorecardID, sections: sectionRows, accountID: accountID, now: now, on: tx)
                (scorecardID, version) = (newScorecardID.rawValue, 1)
            }
            try await tx.sql.raw("""
                INSERT INTO scorecard_versions (id, account_id, scorecard_id, version, source, created_at)
                VALUES (\(bind: versionID), \(bind: accountID.rawValue), \(bind: scorecardID), \(bind: version), \(bind: source), \(bind: now))
                """).run()
            return ScorecardVersion(
                id: Identifier(versionID), scorecardId: Identifier(scorecardID), scorecardKey: draft.key, version: version,
                source: source, createdAt: Timestamp.date(now))
        }
    }

    /// Version `version` of the scorecard whose ID or key is `scorecardIdOrKey`, or its newest when `version` is `nil`.
    public func scorecardVersion(_ scorecardIdOrKey: String, version: Int?, accountID: Identifier<Account>) async throws -> ScorecardVersion? {
        try await backend.read { db in
            var sql: SQLQueryString = """
                SELECT v.*, s.key AS scorecard_key FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
                WHERE v.account_id = \(bind: accountID.rawValue) AND (s.id = \(bind: scorecardIdOrKey) OR s.key = \(bind: scorecardIdOrKey))
                """
            if let version { sql += " AND v.version = \(bind: version)" }
            return try await db.raw(sql + " ORDER BY v.version DESC LIMIT 1").first().map(Self.scorecardVersion(from:))
        }
    }

    /// The scorecard's versions, newest first. An unknown scorecard is a not-found error.
    public func scorecardVersions(_ scorecardIdOrKey: String, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<ScorecardVersion> {
        let after = try page.cursor.map { try Cursor(token: $0).micros }
        return try await backend.read { db in
            guard let scorecard = try await Self.loadScorecard(scorecardIdOrKey, accountID: accountID, on: db) else {
                throw DomainError.notFound(resource: "scorecard", id: scorecardIdOrKey, field: nil)
            }
            var sql: SQLQueryString = """
                SELECT v.*, \(bind: scorecard.key) AS scorecard_key FROM scorecard_versions v
                WHERE v.account_id = \(bind: accountID.rawValue) AND v.scorecard_id = \(bind: scorecard.id.rawValue)
                """
            if let after { sql += " AND v.version < \(bind: after)" }
            let versions = try await db.raw(sql + " ORDER BY v.version DESC LIMIT \(literal: page.limit)").all().map(Self.scorecardVersion(from:))
            return Page(data: versions, nextCursor: VersionCursor.next(after: versions.map { ($0.version, $0.id.rawValue) }, limit: page.limit))
        }
    }

    private static func scorecardVersion(from row: any SQLRow) throws -> ScorecardVersion {
        ScorecardVersion(
            id: try row.id("id"), scorecardId: try row.id("scorecard_id"), scorecardKey: try row.string("scorecard_key"),
            version: try row.int("version"), source: try row.string("source"), createdAt: try row.date("created_at"))
    }
}
