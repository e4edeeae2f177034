import Foundation
import PlexusCore
import SQLKit

/// Items: the content being scored.
extension SQLStore {
    static let itemInsert = BulkInsert(
        table: "items",
        columns: [.init("id", .text), .init("account_id", .text), .init("external_id", .text), .init("text", .text), .init("metadata", .text), .init("created_at", .bigint)],
        ignoringConflicts: true, returning: "external_id")

    /// Creates items in one transaction. An external ID that already exists is a duplicate: the
    /// stored item is kept unchanged and its ID returned.
    public func createItems(_ drafts: [ItemDraft], accountID: Identifier<Account>) async throws -> BatchOutcome<Item> {
        for (index, draft) in drafts.enumerated() {
            try draft.validate(field: "items[\(index)]")
        }
        let environment = self.environment
        let outcome = try await backend.write { tx in
            let ids = try await Self.upsertItems(drafts, accountID: accountID, environment: environment, on: tx)
            let created = ids.created
            return BatchOutcome<Item>(created: created.count, duplicates: drafts.count - created.count, ids: ids.all)
        }
        if outcome.created > 0 { publish(.itemsCreated(accountID: accountID, count: outcome.created)) }
        return outcome
    }

    /// The item with this ID.
    public func item(_ id: String, accountID: Identifier<Account>) async throws -> Item? {
        try await backend.read { db in
            try await db.raw("SELECT * FROM items WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id)").first()
                .map(Self.item(from:))
        }
    }

    /// The account's items, newest first; `externalId` narrows to one external ID.
    public func items(accountID: Identifier<Account>, externalId: String? = nil, page: PageRequest) async throws -> Page<Item> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            var sql: SQLQueryString = "SELECT * FROM items WHERE account_id = \(bind: accountID.rawValue)"
            if let externalId { sql += " AND external_id = \(bind: externalId)" }
            let items = try await db.raw(sql + tail).all().map(Self.item(from:))
            return Page(data: items, nextCursor: Cursor.next(after: items, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Inserts drafts whose external IDs are new and returns every draft's item ID in order.
    static func upsertItems(
        _ drafts: [ItemDraft], accountID: Identifier<Account>, environment: StoreEnvironment, on tx: any StoreTransaction
    ) async throws -> (all: [Identifier<Item>], created: Set<String>) {
        let now = environment.nowMicros()
        var newIDs: [String: Identifier<Item>] = [:]
        let rows: [[SQLValue]] = zip(drafts, environment.newIDs(drafts.count)).map { draft, id in
            newIDs[draft.externalId] = newIDs[draft.externalId] ?? Identifier(id)
            return [.text(id), .text(accountID.rawValue), .text(draft.externalId), .text(draft.text ?? ""),
                    .text(JSONText.encode(draft.metadata)), .integer(now)]
        }
        let created = Set(try await tx.insert(itemInsert, rows: rows))
        if !created.isEmpty {
            try await tx.sql.raw("""
                INSERT INTO item_counts (account_id, count) VALUES (\(bind: accountID.rawValue), \(bind: created.count))
                ON CONFLICT (account_id) DO UPDATE SET count = item_counts.count + excluded.count
                """).run()
        }
        // Only items that already existed need a lookup; the new ones have the IDs made above.
        let existing = Set(drafts.map(\.externalId)).subtracting(created)
        var byExternalID = try await itemIDs(externalIDs: Array(existing), accountID: accountID, on: tx.sql)
        for externalID in created { byExternalID[externalID] = newIDs[externalID] }
        let all = try drafts.map { draft in
            guard let id = byExternalID[draft.externalId] else {
                throw StoreError.corruptValue(column: "items.external_id", detail: "the external ID '\(draft.externalId)' did not read back as it was written")
            }
            return id
        }
        return (all, created)
    }

    /// Maps external IDs to item IDs for those that exist.
    static func itemIDs(externalIDs: [String], accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> [String: Identifier<Item>] {
        var map: [String: Identifier<Item>] = [:]
        for chunk in externalIDs.chunked(into: 900) {
            let rows = try await db.raw("""
                SELECT id, external_id FROM items WHERE account_id = \(bind: accountID.rawValue) AND external_id IN (\(binds: chunk))
                """).all()
            for row in rows { map[try row.string("external_id")] = try row.id("id") }
        }
        return map
    }

    /// Returns the IDs of the referenced items in order, creating items for unknown external IDs
    /// (and how many it created) and failing with the reference's field for unknown Plexus IDs.
    static func resolveItems(
        _ references: [(reference: ItemReference, field: String)], accountID: Identifier<Account>,
        environment: StoreEnvironment, on tx: any StoreTransaction
    ) async throws -> (ids: [Identifier<Item>], created: Int) {
        let externalIDs = Array(Set(references.compactMap { if case .externalId(let id) = $0.reference { id } else { nil } }))
        let drafts = externalIDs.map { ItemDraft(externalId: $0) }
        let upserted = try await upsertItems(drafts, accountID: accountID, environment: environment, on: tx)
        let byExternalID = Dictionary(uniqueKeysWithValues: zip(externalIDs, upserted.all))
        let plainIDs = Array(Set(references.compactMap { if case .id(let id) = $0.reference { id.rawValue } else { nil } }))
        let known = try await existingIDs(table: "items", ids: plainIDs, accountID: accountID, on: tx.sql)
        let ids = try references.map { reference, field in
            switch reference {
            case .externalId(let externalID): return byExternalID[externalID]!
            case .id(let id):
                guard known.contains(id.rawValue) else { throw DomainError.notFound(resource: "item", id: id.rawValue, field: field) }
                return id
            }
        }
        return (ids, upserted.created.count)
    }

    /// The subset of `ids` that exist in `table` within the account.
    static func existingIDs(table: String, ids: [String], accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> Set<String> {
        var found = Set<String>()
        for chunk in ids.chunked(into: 900) {
            let rows = try await db.raw("""
                SELECT id FROM \(ident: table) WHERE account_id = \(bind: accountID.rawValue) AND id IN (\(binds: chunk))
                """).all()
            for row in rows { found.insert(try row.string("id")) }
        }
        return found
    }

    static func item(from row: any SQLRow) throws -> Item {
        Item(
            id: try row.id("id"), accountId: try row.id("account_id"), externalId: try row.string("external_id"),
            text: try row.string("text"), metadata: try row.json("metadata"), createdAt: try row.date("created_at")
        )
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
