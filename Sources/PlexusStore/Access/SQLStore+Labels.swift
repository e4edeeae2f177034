import Foundation
import PlexusCore
import SQLKit

/// Labels: the human judgements evaluations compare results with.
extension SQLStore {
    /// Sets the label of one item for one score, replacing an earlier value.
    public func setLabel(_ draft: LabelDraft, accountID: Identifier<Account>) async throws -> Label {
        let environment = self.environment
        let now = environment.nowMicros()
        let newID = environment.newID()
        let (label, itemsCreated) = try await backend.write { tx in
            let db = tx.sql
            let scorecard = try await Self.requireScorecard(draft.scorecard, accountID: accountID, field: "scorecard", on: db)
            guard let score = scorecard.score(draft.score) else {
                throw DomainError.notFound(resource: "score in scorecard '\(scorecard.key)'", id: draft.score, field: "score")
            }
            guard score.classes.contains(draft.value) else {
                throw DomainError.invalid(field: "value", message: "Label '\(draft.value)' is not one of score '\(score.key)''s classes \(score.classes).")
            }
            let resolved = try await Self.resolveItems([(draft.item, "item")], accountID: accountID, environment: environment, on: tx)
            let itemID = resolved.ids[0]
            try await db.raw("""
                INSERT INTO labels (id, item_id, score_id, account_id, value, source, created_at, updated_at)
                VALUES (\(bind: newID), \(bind: itemID.rawValue), \(bind: score.id.rawValue), \(bind: accountID.rawValue),
                        \(bind: draft.value), \(bind: draft.source), \(bind: now), \(bind: now))
                ON CONFLICT (item_id, score_id) DO UPDATE SET value = excluded.value, source = excluded.source, updated_at = excluded.updated_at
                """).run()
            let row = try await db.raw("SELECT * FROM labels WHERE item_id = \(bind: itemID.rawValue) AND score_id = \(bind: score.id.rawValue)").first()
            return (try Self.label(from: row!), resolved.created)
        }
        if itemsCreated > 0 { publish(.itemsCreated(accountID: accountID, count: itemsCreated)) }
        return label
    }

    /// The account's labels, newest first, optionally for one score or one item.
    public func labels(accountID: Identifier<Account>, scoreID: Identifier<Score>? = nil, itemID: Identifier<Item>? = nil, page: PageRequest) async throws -> Page<Label> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            var sql: SQLQueryString = "SELECT * FROM labels WHERE account_id = \(bind: accountID.rawValue)"
            if let scoreID { sql += " AND score_id = \(bind: scoreID.rawValue)" }
            if let itemID { sql += " AND item_id = \(bind: itemID.rawValue)" }
            let labels = try await db.raw(sql + tail).all().map(Self.label(from:))
            return Page(data: labels, nextCursor: Cursor.next(after: labels, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    static func label(from row: any SQLRow) throws -> Label {
        Label(
            id: try row.id("id"), itemId: try row.id("item_id"), scoreId: try row.id("score_id"), value: try row.string("value"),
            source: try row.optionalString("source"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at")
        )
    }
}
