import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Dashboard counts")
struct DashboardCountTests {
    @Test("Counters follow inserts, ignore idempotent resends, and stay per account", arguments: TestDatabase.available)
    func counters(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let other = try await Fixtures.account(store)
            let scorecard = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: other.id)
            var drafts = (0..<30).map { Fixtures.result(item: "i\($0)", key: "k\($0)") }
            for index in 0..<10 { drafts[index].score = "resolved" }
            _ = try await store.createScoreResults(drafts, accountID: account.id)
            _ = try await store.createScoreResults(drafts, accountID: account.id)
            _ = try await store.createScoreResults([Fixtures.result(item: "x")], accountID: other.id)

            let counts = try await store.counts(accountID: account.id)
            #expect(counts == SQLStore.AccountCounts(scorecards: 1, items: 30, scoreResults: 30, evaluations: 0))
            let perScore = try await store.resultCounts(scorecardID: scorecard.id, accountID: account.id)
            #expect(perScore[try #require(scorecard.score("greeting")).id] == 20)
            #expect(perScore[try #require(scorecard.score("resolved")).id] == 10)
            #expect(try await store.counts(accountID: other.id).scoreResults == 1)
        }
    }
}
