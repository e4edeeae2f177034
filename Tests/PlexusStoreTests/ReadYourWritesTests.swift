import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("A committed write is visible to the next read, under concurrency")
struct ReadYourWritesTests {
    @Test("Each of 32 concurrent writers reads back every result it just created, while others read and write", arguments: TestDatabase.available)
    func readAfterWrite(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let missing = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<32 {
                    group.addTask {
                        var missing = 0
                        for round in 0..<15 {
                            let outcome = try await store.createScoreResults([Fixtures.result(item: "item-\(writer)-\(round)")], accountID: account.id)
                            if try await store.scoreResult(outcome.ids[0].rawValue, accountID: account.id) == nil { missing += 1 }
                            // Long reads on the same connections, as the dashboard and list calls make.
                            _ = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: try PageRequest(limit: 200))
                        }
                        return missing
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(missing == 0, "\(missing) of 480 results were not found right after their write was acknowledged")
        }
    }
}
