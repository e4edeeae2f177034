import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Scored items, for resuming runs")
struct ScoredItemsStoreTests {
    /// call-1 has both `greeting` and `resolved` (version 2); call-2 only `greeting` (version 1);
    /// call-3 has `greeting` from version 1 and `resolved` from version 2.
    private func prepared(_ store: SQLStore) async throws -> Account {
        let account = try await Fixtures.account(store)
        _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
        func result(_ item: String, _ score: String, version: Int) -> ScoreResultDraft {
            ScoreResultDraft(scorecard: "call-qa", score: score, item: .externalId(item), value: "Yes", scorecardVersion: version)
        }
        _ = try await store.createScoreResults([
            result("call-1", "greeting", version: 2), result("call-1", "resolved", version: 2),
            result("call-2", "greeting", version: 1),
            result("call-3", "greeting", version: 1), result("call-3", "resolved", version: 2),
        ], accountID: account.id)
        return account
    }

    @Test("An item counts only when every listed score has a result", arguments: TestDatabase.available)
    func everyScore(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let asked = ["call-3", "call-2", "call-1", "call-9"]
            let both = try await store.scoredItems("call-qa", query: ScoredItemsQuery(scores: ["greeting", "resolved"], itemIds: asked), accountID: account.id)
            #expect(both == ["call-3", "call-1"])
            let greeting = try await store.scoredItems("call-qa", query: ScoredItemsQuery(scores: ["greeting"], itemIds: asked), accountID: account.id)
            #expect(greeting == ["call-3", "call-2", "call-1"])
            // No score list means all three scores, which no item has.
            #expect(try await store.scoredItems("call-qa", query: ScoredItemsQuery(itemIds: asked), accountID: account.id).isEmpty)
        }
    }

    @Test("A version counts only results recorded with that version", arguments: TestDatabase.available)
    func versionFilter(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let asked = ["call-1", "call-2", "call-3"]
            let query = ScoredItemsQuery(version: 2, scores: ["greeting", "resolved"], itemIds: asked)
            #expect(try await store.scoredItems("call-qa", query: query, accountID: account.id) == ["call-1"])
            let first = ScoredItemsQuery(version: 1, scores: ["greeting"], itemIds: asked)
            #expect(try await store.scoredItems("call-qa", query: first, accountID: account.id) == ["call-2", "call-3"])
        }
    }

    @Test("Results are stored and returned with their scorecard version", arguments: TestDatabase.available)
    func resultVersion(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let results = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: .first).data
            #expect(results.compactMap(\.scorecardVersion).sorted() == [1, 1, 2, 2, 2])
            var bad = Fixtures.result(item: "x")
            bad.scorecardVersion = 0
            await #expect(throws: DomainError.invalid(field: "scoreResults[0].scorecardVersion", message: "scorecardVersion must be 1 or more; got 0.")) {
                try await store.createScoreResults([bad], accountID: account.id)
            }
        }
    }

    @Test("Unknown scores, too many items and other accounts are refused", arguments: TestDatabase.available)
    func refused(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let other = try await Fixtures.account(store)
            await #expect(throws: DomainError.notFound(resource: "score in scorecard 'call-qa'", id: "nope", field: "scores[1]")) {
                try await store.scoredItems("call-qa", query: ScoredItemsQuery(scores: ["greeting", "nope"], itemIds: ["call-1"]), accountID: account.id)
            }
            let tooMany = ScoredItemsQuery(itemIds: (0...ScoredItemsQuery.maximumItems).map { "i\($0)" })
            await #expect(throws: DomainError.self) { try await store.scoredItems("call-qa", query: tooMany, accountID: account.id) }
            await #expect(throws: DomainError.self) {
                try await store.scoredItems("call-qa", query: ScoredItemsQuery(itemIds: ["call-1"]), accountID: other.id)
            }
        }
    }
}
