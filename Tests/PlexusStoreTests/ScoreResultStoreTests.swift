import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Score results")
struct ScoreResultStoreTests {
    private func prepared(_ store: SQLStore) async throws -> (Account, Scorecard) {
        let account = try await Fixtures.account(store)
        return (account, try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id))
    }

    @Test("A batch is stored in request order and creates unknown items on the fly", arguments: TestDatabase.available)
    func batch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, scorecard) = try await prepared(store)
            let drafts = (0..<1500).map { Fixtures.result(item: "call-\($0 % 700)", value: $0 % 3 == 0 ? "No" : "Yes") }
            let outcome = try await store.createScoreResults(drafts, accountID: account.id)
            #expect(outcome.created == 1500 && outcome.duplicates == 0 && outcome.ids.count == 1500)
            let fifth = try #require(try await store.scoreResult(outcome.ids[5].rawValue, accountID: account.id))
            #expect(fifth.value == "Yes" && fifth.confidence == 0.9 && fifth.scorecardId == scorecard.id)
            let item = try #require(try await store.item(fifth.itemId.rawValue, accountID: account.id))
            #expect(item.externalId == "call-5")
            #expect(try await store.items(accountID: account.id, page: PageRequest(limit: 1000)).data.count == 700)
        }
    }

    @Test("Resending a batch with idempotency keys creates no duplicates", arguments: TestDatabase.available)
    func idempotent(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, _) = try await prepared(store)
            let drafts = (0..<20).map { Fixtures.result(item: "call-\($0)", key: "key-\($0)") }
            let first = try await store.createScoreResults(drafts, accountID: account.id)
            let again = try await store.createScoreResults(drafts + [Fixtures.result(item: "new", key: "key-new")], accountID: account.id)
            #expect(again.created == 1 && again.duplicates == 20)
            #expect(Array(again.ids.prefix(20)) == first.ids)
            let all = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: PageRequest(limit: 1000))
            #expect(all.data.count == 21)
        }
    }

    @Test("Concurrent resends of one batch store each result once", arguments: TestDatabase.available)
    func concurrentResends(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, _) = try await prepared(store)
            let drafts = (0..<200).map { Fixtures.result(item: "call-\($0)", key: "k-\($0)") }
            let outcomes = try await withThrowingTaskGroup(of: BatchOutcome<ScoreResult>.self) { group in
                for _ in 0..<4 { group.addTask { try await store.createScoreResults(drafts, accountID: account.id) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.map(\.created).reduce(0, +) == 200)
            #expect(Set(outcomes.map(\.ids)).count == 1)
        }
    }

    @Test("An invalid result rejects the whole batch and names its field", arguments: TestDatabase.available)
    func invalidBatch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, _) = try await prepared(store)
            var drafts = (0..<5).map { Fixtures.result(item: "call-\($0)") }
            drafts[3].confidence = 1.5
            await #expect(throws: DomainError.invalid(field: "scoreResults[3].confidence", message: "Must be a number between 0 and 1; got 1.5.")) {
                try await store.createScoreResults(drafts, accountID: account.id)
            }
            drafts[3].confidence = 0.5
            drafts[4].score = "no-such-score"
            do {
                _ = try await store.createScoreResults(drafts, accountID: account.id)
                Issue.record("expected an error")
            } catch let error as DomainError {
                #expect(error.field == "scoreResults[4].score" && error.code == "not_found")
            }
            await #expect(throws: DomainError.self) { try await store.createScoreResults([], accountID: account.id) }
            let all = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: .first)
            #expect(all.data.isEmpty)
            #expect(try await store.items(accountID: account.id, page: .first).data.isEmpty)
        }
    }

    @Test("Another account's scorecard, item or evaluation cannot be referenced", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (owner, _) = try await prepared(store)
            let other = try await Fixtures.account(store)
            let outcome = try await store.createScoreResults([Fixtures.result(item: "a")], accountID: owner.id)
            await #expect(throws: DomainError.self) { try await store.createScoreResults([Fixtures.result(item: "a")], accountID: other.id) }
            #expect(try await store.scoreResult(outcome.ids[0].rawValue, accountID: other.id) == nil)
            await #expect(throws: DomainError.self) {
                try await store.updateScoreResult(outcome.ids[0].rawValue, accountID: other.id, with: ScoreResultUpdate(value: "No"))
            }
            let evaluation = try await store.createEvaluation(EvaluationDraft(scorecard: "call-qa"), accountID: owner.id)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: other.id)
            var draft = Fixtures.result(item: "b")
            draft.evaluationId = evaluation.id
            await #expect(throws: DomainError.self) { try await store.createScoreResults([draft], accountID: other.id) }
        }
    }

    @Test("Updating changes only the given fields", arguments: TestDatabase.available)
    func update(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, _) = try await prepared(store)
            let id = try await store.createScoreResults([Fixtures.result(item: "a")], accountID: account.id).ids[0]
            let updated = try await store.updateScoreResult(id.rawValue, accountID: account.id, with: ScoreResultUpdate(value: "No", metadata: .object(["reviewed": .bool(true)])))
            #expect(updated.value == "No" && updated.confidence == 0.9)
            #expect(try await store.scoreResult(id.rawValue, accountID: account.id) == updated)
            await #expect(throws: DomainError.self) {
                try await store.updateScoreResult(id.rawValue, accountID: account.id, with: ScoreResultUpdate(confidence: -0.1))
            }
        }
    }

    @Test("Filters and cursors page through each matching result exactly once", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (account, scorecard) = try await prepared(store)
            _ = try await store.createScoreResults((0..<250).map { Fixtures.result(item: "i-\($0)") }, accountID: account.id)
            var other = Fixtures.result(item: "i-0")
            other.score = "resolved"
            _ = try await store.createScoreResults([other], accountID: account.id)
            let greeting = try #require(scorecard.score("greeting")).id
            var seen: [Identifier<ScoreResult>] = []
            var cursor: String?
            repeat {
                let page = try await store.scoreResults(
                    accountID: account.id, filter: ScoreResultFilter(scoreId: greeting), page: PageRequest(limit: 100, cursor: cursor))
                seen += page.data.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 250 && Set(seen).count == 250)
            let future = ScoreResultFilter(since: Date().addingTimeInterval(3600))
            #expect(try await store.scoreResults(accountID: account.id, filter: future, page: .first).data.isEmpty)
            await #expect(throws: DomainError.self) {
                try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: PageRequest(cursor: "garbage!"))
            }
        }
    }
}

@Suite("Importing history")
struct ScoreResultHistoryTests {
    @Test("A result may carry the time it was produced, but not a time in the future", arguments: TestDatabase.available)
    func createdAt(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            var old = Fixtures.result(item: "old")
            old.createdAt = Date(timeIntervalSinceNow: -3 * 86_400)
            let id = try await store.createScoreResults([old], accountID: account.id).ids[0]
            let stored = try #require(try await store.scoreResult(id.rawValue, accountID: account.id))
            #expect(abs(stored.createdAt.timeIntervalSince(old.createdAt!)) < 0.001)
            let lastDay = ScoreResultFilter(since: Date(timeIntervalSinceNow: -86_400))
            #expect(try await store.scoreResults(accountID: account.id, filter: lastDay, page: .first).data.isEmpty)
            var future = Fixtures.result(item: "future")
            future.createdAt = Date(timeIntervalSinceNow: 3600)
            await #expect(throws: DomainError.self) { try await store.createScoreResults([future], accountID: account.id) }
        }
    }
}
