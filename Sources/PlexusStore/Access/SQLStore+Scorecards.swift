import Foundation
import PlexusCore
import SQLKit

/// Scorecards with their sections and scores.
extension SQLStore {
    /// Creates a scorecard at version 1; its key must be unused in the account.
    public func createScorecard(_ draft: ScorecardDraft, accountID: Identifier<Account>) async throws -> Scorecard {
        try draft.validate()
        let now = environment.nowMicros()
        let id: Identifier<Scorecard> = newID()
        let sectionRows = makeSectionRows(draft.sections, scorecardID: id)
        try await backend.write { tx in
            guard try await tx.sql.raw("SELECT id FROM scorecards WHERE account_id = \(bind: accountID.rawValue) AND key = \(bind: draft.key)").first() == nil else {
                throw DomainError.conflict(field: "key", message: "A scorecard with key '\(draft.key)' already exists; update it or choose another key.")
            }
            try await Self.insertScorecard(draft, id: id, sections: sectionRows, accountID: accountID, now: now, on: tx)
        }
        return try await scorecard(id.rawValue, accountID: accountID)!
    }

    /// Inserts a new scorecard at version 1 with its section and score rows.
    static func insertScorecard(
        _ draft: ScorecardDraft, id: Identifier<Scorecard>, sections: ScorecardRows, accountID: Identifier<Account>, now: Int64,
        on tx: any StoreTransaction
    ) async throws {
        try await tx.sql.raw("""
            INSERT INTO scorecards (id, account_id, key, name, description, version, created_at, updated_at)
            VALUES (\(bind: id.rawValue), \(bind: accountID.rawValue), \(bind: draft.key), \(bind: draft.name),
                    \(bind: draft.description ?? ""), 1, \(bind: now), \(bind: now))
            """).run()
        try await insert(sections, on: tx)
    }

    /// The scorecard whose ID or key is `idOrKey`, with its sections and scores.
    public func scorecard(_ idOrKey: String, accountID: Identifier<Account>) async throws -> Scorecard? {
        try await backend.read { db in
            try await Self.loadScorecard(idOrKey, accountID: accountID, on: db)
        }
    }

    /// The account's scorecards, newest first.
    public func scorecards(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<Scorecard> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let rows = try await db.raw("SELECT * FROM scorecards WHERE account_id = \(bind: accountID.rawValue)" + tail).all()
            var scorecards: [Scorecard] = []
            for row in rows {
                scorecards.append(try await Self.scorecard(from: row, on: db))
            }
            return Page(data: scorecards, nextCursor: Cursor.next(after: scorecards, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Changes a scorecard and increases its version by one. Given sections are merged in by name and
    /// scores by key: existing scores keep their IDs (and so their results) and may move to another
    /// section; new ones are added; sections and scores not named stay as they are.
    public func updateScorecard(_ idOrKey: String, accountID: Identifier<Account>, with update: ScorecardUpdate) async throws -> Scorecard {
        try update.validate()
        let now = environment.nowMicros()
        let environment = self.environment
        let id: Identifier<Scorecard> = try await backend.write { tx in
            let db = tx.sql
            guard let current = try await Self.loadScorecard(idOrKey, accountID: accountID, on: db) else {
                throw DomainError.notFound(resource: "scorecard", id: idOrKey, field: nil)
            }
            try await db.raw("""
                UPDATE scorecards SET name = \(bind: update.name ?? current.name),
                    description = \(bind: update.description ?? current.description),
                    version = \(bind: current.version + 1), updated_at = \(bind: now)
                WHERE id = \(bind: current.id.rawValue)
                """).run()
            if let sections = update.sections {
                try await ScorecardMerge(current: current, environment: environment, retiresOmitted: false).apply(sections, on: tx)
            }
            return current.id
        }
        return try await scorecard(id.rawValue, accountID: accountID)!
    }

    /// Resolves a scorecard reference inside a transaction, failing with `field` when it does not exist.
    static func requireScorecard(_ idOrKey: String, accountID: Identifier<Account>, field: String, on db: any SQLDatabase) async throws -> Scorecard {
        guard let scorecard = try await loadScorecard(idOrKey, accountID: accountID, on: db) else {
            throw DomainError.notFound(resource: "scorecard", id: idOrKey, field: field)
        }
        return scorecard
    }

    static func loadScorecard(_ idOrKey: String, accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> Scorecard? {
        guard let row = try await db.raw("""
            SELECT * FROM scorecards WHERE account_id = \(bind: accountID.rawValue) AND (id = \(bind: idOrKey) OR key = \(bind: idOrKey))
            """).first()
        else { return nil }
        return try await scorecard(from: row, on: db)
    }

    private static func scorecard(from row: any SQLRow, on db: any SQLDatabase) async throws -> Scorecard {
        let id: Identifier<Scorecard> = try row.id("id")
        return Scorecard(
            id: id, accountId: try row.id("account_id"), key: try row.string("key"), name: try row.string("name"),
            description: try row.string("description"), version: try row.int("version"),
            sections: try await sections(of: id, on: db), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at")
        )
    }

    private static func sections(of scorecardID: Identifier<Scorecard>, on db: any SQLDatabase) async throws -> [ScorecardSection] {
        // Retired sections and scores (left out of a later version) are kept for their results but not shown.
        let sectionRows = try await db.raw("""
            SELECT id, name FROM sections WHERE scorecard_id = \(bind: scorecardID.rawValue) AND retired_at IS NULL ORDER BY position
            """).all()
        let scoreRows = try await db.raw("""
            SELECT * FROM scores WHERE scorecard_id = \(bind: scorecardID.rawValue) AND retired_at IS NULL ORDER BY position
            """).all()
        var scoresBySection: [String: [Score]] = [:]
        for row in scoreRows {
            scoresBySection[try row.string("section_id"), default: []].append(try score(from: row))
        }
        return try sectionRows.map { row in
            let id = try row.string("id")
            return ScorecardSection(id: Identifier(id), name: try row.string("name"), scores: scoresBySection[id] ?? [])
        }
    }

    /// The score with ID `id`, retired or not, or `nil` when there is none.
    static func score(_ id: Identifier<Score>, on db: any SQLDatabase) async throws -> Score? {
        try await db.raw("SELECT * FROM scores WHERE id = \(bind: id.rawValue)").first().map(score(from:))
    }

    private static func score(from row: any SQLRow) throws -> Score {
        Score(
            id: try row.id("id"), key: try row.string("key"), name: try row.string("name"),
            classes: try JSONText.decode([String].self, from: row.string("classes"), column: "classes"),
            positiveClass: try row.optionalString("positive_class"), classifier: try row.json("classifier")
        )
    }
}
