import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Labels in batches and labelled items")
struct LabelledItemStoreTests {
    private func prepared(_ store: SQLStore) async throws -> Account {
        let account = try await Fixtures.account(store)
        _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
        _ = try await store.createItems([
            ItemDraft(externalId: "call-1", text: "Agent: Hello", metadata: ["channel": "phone"]),
            ItemDraft(externalId: "call-2", text: "Agent: Hi"),
        ], accountID: account.id)
        return account
    }

    private func label(_ item: String, _ value: String, score: String = "resolved") -> LabelDraft {
        LabelDraft(scorecard: "call-qa", score: score, item: .externalId(item), value: value, source: "import")
    }

    @Test("A batch sets every label, and the last of two for one item wins", arguments: TestDatabase.available)
    func batch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let count = try await store.setLabels([label("call-1", "Yes"), label("call-2", "No"), label("call-1", "No")], accountID: account.id)
            #expect(count == 2)
            let items = try await store.labelledItems(scorecard: "call-qa", score: "resolved", accountID: account.id, page: .first).data
            #expect(Set(items) == [
                LabelledItem(itemId: "call-1", text: "Agent: Hello", metadata: ["channel": "phone"], label: "No"),
                LabelledItem(itemId: "call-2", text: "Agent: Hi", metadata: nil, label: "No"),
            ])
        }
    }

    @Test("Setting a label again replaces it", arguments: TestDatabase.available)
    func replace(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            _ = try await store.setLabels([label("call-1", "Yes")], accountID: account.id)
            _ = try await store.setLabels([label("call-1", "No")], accountID: account.id)
            let items = try await store.labelledItems(scorecard: "call-qa", score: "resolved", accountID: account.id, page: .first).data
            #expect(items.map(\.label) == ["No"])
        }
    }

    @Test("One bad label rejects the whole batch, naming its index", arguments: TestDatabase.available)
    func allOrNothing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            await #expect(throws: DomainError.invalid(field: "labels[1].value", message: "Label 'Maybe' is not one of score 'resolved''s classes [\"Yes\", \"No\"].")) {
                try await store.setLabels([label("call-1", "Yes"), label("call-2", "Maybe")], accountID: account.id)
            }
            #expect(try await store.labelledItems(scorecard: "call-qa", score: "resolved", accountID: account.id, page: .first).data.isEmpty)
        }
    }

    @Test("Labelled items come only from the asked score, page by page", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let drafts = (0..<5).map { label("call-\($0)", $0.isMultiple(of: 2) ? "Yes" : "No") } + [label("call-1", "neutral", score: "sentiment")]
            _ = try await store.setLabels(drafts, accountID: account.id)
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await store.labelledItems(
                    scorecard: "call-qa", score: "resolved", accountID: account.id, page: PageRequest(limit: 2, cursor: cursor))
                seen += page.data.map(\.itemId)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.sorted() == ["call-0", "call-1", "call-2", "call-3", "call-4"])
            let other = try await Fixtures.account(store)
            await #expect(throws: DomainError.self) {
                try await store.labelledItems(scorecard: "call-qa", score: "resolved", accountID: other.id, page: .first)
            }
        }
    }
}
