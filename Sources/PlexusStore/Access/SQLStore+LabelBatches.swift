import Foundation
import PlexusCore
import SQLKit

/// Labels set many at a time, and read back with their items for training and evaluation.
extension SQLStore {
    static let labelUpsert = BulkInsert(
        table: "labels",
        columns: [
            .init("id", .text), .init("item_id", .text), .init("score_id", .text), .init("account_id", .text), .init("value", .text),
            .init("source", .text), .init("created_at", .bigint), .init("updated_at", .bigint),
        ],
        updatingOnConflict: ("item_id, score_id", ["value", "source", "updated_at"]))

    /// Sets many labels in one transaction: all of them, or none when any is invalid. A label for
    /// an item and score that already has one replaces it; the last of several in one batch wins.
    /// Unknown external item IDs create the items. Errors name fields as `labels[i].field`.
    public func setLabels(_ drafts: [LabelDraft], accountID: Identifier<Account>) async throws -> Int {
        let environment = self.environment
        let now = environment.nowMicros()
        let ids = environment.newIDs(drafts.count)
        let (count, itemsCreated) = try await backend.write { tx in
            var scorecards: [String: Scorecard] = [:]
            var scoreIDs: [String] = []
            for (index, draft) in drafts.enumerated() {
                if scorecards[draft.scorecard] == nil {
                    scorecards[draft.scorecard] = try await Self.requireScorecard(
                        draft.scorecard, accountID: accountID, field: "labels[\(index)].scorecard", on: tx.sql)
                }
                let scorecard = scorecards[draft.scorecard]!
                guard let score = scorecard.score(draft.score) else {
                    throw DomainError.notFound(resource: "score in scorecard '\(scorecard.key)'", id: draft.score, field: "labels[\(index)].score")
                }
                guard score.classes.contains(draft.value) else {
                    throw DomainError.invalid(field: "labels[\(index)].value", message: "Label '\(draft.value)' is not one of score '\(score.key)''s classes \(score.classes).")
                }
                scoreIDs.append(score.id.rawValue)
            }
            let resolved = try await Self.resolveItems(
                drafts.enumerated().map { ($1.item, "labels[\($0)].item") }, accountID: accountID, environment: environment, on: tx)
            let items = resolved.ids
            // One row per item and score, the batch's last, since an upsert may touch a row only once.
            var rows: [String: [SQLValue]] = [:]
            for index in drafts.indices {
                rows["\(items[index].rawValue) \(scoreIDs[index])"] = [
                    .text(ids[index]), .text(items[index].rawValue), .text(scoreIDs[index]), .text(accountID.rawValue),
                    .text(drafts[index].value), .text(drafts[index].source), .integer(now), .integer(now),
                ]
            }
            _ = try await tx.insert(Self.labelUpsert, rows: rows.keys.sorted().map { rows[$0]! })
            return (rows.count, resolved.created)
        }
        if itemsCreated > 0 { publish(.itemsCreated(accountID: accountID, count: itemsCreated)) }
        return count
    }

    /// The items labelled for score `score` of scorecard `scorecard` (each by ID or key), with
    /// their labels, newest label first.
    public func labelledItems(scorecard: String, score: String, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<LabelledItem> {
        let tail = try KeysetPage.clause(page, table: "l")
        return try await backend.read { db in
            let (_, target) = try await Self.requireScore(score, of: scorecard, accountID: accountID, on: db)
            let rows = try await db.raw("""
                SELECT l.id, l.created_at, l.value, i.external_id, i.text, i.metadata FROM labels l JOIN items i ON i.id = l.item_id
                WHERE l.account_id = \(bind: accountID.rawValue) AND l.score_id = \(bind: target.id.rawValue)
                """ + tail).all()
            let items = try rows.map { row in
                LabelledItem(itemId: try row.string("external_id"), text: try row.string("text"), metadata: try row.json("metadata"), label: try row.string("value"))
            }
            let keys = try rows.map { (try $0.date("created_at"), try $0.string("id")) }
            return Page(data: items, nextCursor: Cursor.next(after: keys, limit: page.limit) { $0 })
        }
    }
}
