import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Scorecards")
struct ScorecardStoreTests {
    @Test("A scorecard is stored with its sections and scores and found by ID or key", arguments: TestDatabase.available)
    func createAndGet(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let created = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            #expect(created.version == 1)
            #expect(created.sections.map(\.name) == ["Opening", "Resolution"])
            #expect(created.allScores.map(\.key) == ["greeting", "resolved", "sentiment"])
            #expect(created.score("greeting")?.positiveClass == "Yes")
            #expect(created.score("sentiment")?.positiveClass == nil)
            #expect(try await store.scorecard("call-qa", accountID: account.id) == created)
            #expect(try await store.scorecard(created.id.rawValue, accountID: account.id) == created)
        }
    }

    @Test("Another account cannot see or update the scorecard", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let owner = try await Fixtures.account(store)
            let other = try await Fixtures.account(store)
            let created = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: owner.id)
            #expect(try await store.scorecard(created.id.rawValue, accountID: other.id) == nil)
            #expect(try await store.scorecards(accountID: other.id, page: .first).data.isEmpty)
            await #expect(throws: DomainError.notFound(resource: "scorecard", id: "call-qa", field: nil)) {
                try await store.updateScorecard("call-qa", accountID: other.id, with: ScorecardUpdate(name: "Stolen"))
            }
            // The same key is free in another account.
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: other.id)
        }
    }

    @Test("Duplicate keys and invalid scores are refused with the offending field", arguments: TestDatabase.available)
    func invalid(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            await #expect(throws: DomainError.self) { try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id) }
            var draft = Fixtures.scorecardDraft(key: "other")
            draft.sections[0].scores[0].positiveClass = "Maybe"
            do {
                _ = try await store.createScorecard(draft, accountID: account.id)
                Issue.record("expected an error")
            } catch let error as DomainError {
                #expect(error.field == "sections[0].scores[0].positiveClass")
            }
        }
    }

    @Test("Updating bumps the version and keeps existing score IDs", arguments: TestDatabase.available)
    func update(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let created = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let update = ScorecardUpdate(name: "Call QA v2", sections: [
                .init(name: "Opening", scores: [ScoreDraft(key: "greeting", name: "Greets caller"), ScoreDraft(key: "name-used")]),
            ])
            let updated = try await store.updateScorecard("call-qa", accountID: account.id, with: update)
            #expect(updated.version == 2)
            #expect(updated.name == "Call QA v2")
            #expect(updated.score("greeting")?.id == created.score("greeting")?.id)
            #expect(updated.score("greeting")?.name == "Greets caller")
            #expect(updated.score("name-used") != nil)
            #expect(updated.score("resolved")?.id == created.score("resolved")?.id)
        }
    }

    @Test("Listing pages through every scorecard exactly once", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            for index in 0..<5 {
                _ = try await store.createScorecard(Fixtures.scorecardDraft(key: "card-\(index)"), accountID: account.id)
            }
            var keys: [String] = []
            var cursor: String?
            repeat {
                let page = try await store.scorecards(accountID: account.id, page: PageRequest(limit: 2, cursor: cursor))
                keys += page.data.map(\.key)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(keys.sorted() == (0..<5).map { "card-\($0)" })
        }
    }
}
