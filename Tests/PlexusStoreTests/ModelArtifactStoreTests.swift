import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Model artifacts")
struct ModelArtifactStoreTests {
    private func prepared(_ store: SQLStore) async throws -> Account {
        let account = try await Fixtures.account(store)
        _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
        return account
    }

    private func storeArtifact(_ store: SQLStore, _ account: Account, score: String = "resolved", body: String) async throws -> ModelArtifact {
        try await store.storeModelArtifact(
            scorecard: "call-qa", score: score, algorithm: "naive-bayes", artifact: body, metrics: ["accuracy": 0.8], accountID: account.id)
    }

    @Test("Versions increase by one per score and each is kept verbatim", arguments: TestDatabase.available)
    func versions(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let first = try await storeArtifact(store, account, body: #"{"weights":[1]}"#)
            let second = try await storeArtifact(store, account, body: #"{"weights":[2]}"#)
            let otherScore = try await storeArtifact(store, account, score: "sentiment", body: "{}")
            #expect(first.version == 1 && second.version == 2 && otherScore.version == 1)
            #expect(try await store.modelArtifact(scorecard: "call-qa", score: "resolved", version: nil, accountID: account.id) == second)
            #expect(try await store.modelArtifact(scorecard: "call-qa", score: "resolved", version: 1, accountID: account.id) == first)
            #expect(try await store.modelArtifact(scorecard: "call-qa", score: "resolved", version: 3, accountID: account.id) == nil)
            #expect(first.metrics == ["accuracy": 0.8] && first.scoreKey == "resolved" && first.scorecardKey == "call-qa")
        }
    }

    @Test("A large artifact is stored and read back intact", arguments: TestDatabase.available)
    func large(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let body = "{\"weights\":[" + (0..<300_000).map { String($0 % 97) }.joined(separator: ",") + "]}"
            _ = try await storeArtifact(store, account, body: body)
            #expect(try await store.modelArtifact(scorecard: "call-qa", score: "resolved", version: 1, accountID: account.id)?.artifact == body)
        }
    }

    @Test("Listings leave out the body and go newest first", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            var stored: [ModelArtifact] = []
            for number in 1...3 { stored.append(try await storeArtifact(store, account, body: "{\"n\":\(number)}")) }
            let page = try await store.modelArtifacts(scorecard: "call-qa", score: "resolved", accountID: account.id, page: PageRequest(limit: 2))
            #expect(page.data == [stored[2].summary, stored[1].summary])
            let rest = try await store.modelArtifacts(
                scorecard: "call-qa", score: "resolved", accountID: account.id, page: PageRequest(limit: 2, cursor: page.nextCursor))
            #expect(rest.data == [stored[0].summary] && rest.nextCursor == nil)
        }
    }

    @Test("Bad input, unknown scores and other accounts are refused", arguments: TestDatabase.available)
    func refused(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await prepared(store)
            let other = try await Fixtures.account(store)
            _ = try await storeArtifact(store, account, body: "{}")
            await #expect(throws: DomainError.invalid(field: "metrics", message: "metrics must be a JSON object such as {\"accuracy\": 0.91}.")) {
                try await store.storeModelArtifact(scorecard: "call-qa", score: "resolved", algorithm: "x", artifact: "{}", metrics: 3, accountID: account.id)
            }
            await #expect(throws: DomainError.self) { try await storeArtifact(store, account, score: "no-such-score", body: "{}") }
            await #expect(throws: DomainError.notFound(resource: "scorecard", id: "call-qa", field: nil)) {
                try await store.modelArtifact(scorecard: "call-qa", score: "resolved", version: nil, accountID: other.id)
            }
            await #expect(throws: DomainError.self) { try await storeArtifact(store, other, body: "{}") }
        }
    }
}
