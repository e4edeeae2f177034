import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Scorecard versions")
struct ScorecardVersionStoreTests {
    @Test("The first push creates the scorecard at version 1 and keeps the source verbatim", arguments: TestDatabase.available)
    func firstPush(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let pushed = try await store.pushScorecardVersion(source: "key: call-qa\n# v1\n", draft: Fixtures.scorecardDraft(), accountID: account.id)
            #expect(pushed.version == 1 && pushed.scorecardKey == "call-qa" && pushed.source == "key: call-qa\n# v1\n")
            let scorecard = try #require(try await store.scorecard("call-qa", accountID: account.id))
            #expect(scorecard.version == 1 && scorecard.id == pushed.scorecardId)
            #expect(try await store.scorecardVersion("call-qa", version: nil, accountID: account.id) == pushed)
        }
    }

    @Test("Each push numbers a new version and leaves earlier ones unchanged", arguments: TestDatabase.available)
    func numbered(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let first = try await store.pushScorecardVersion(source: "v1", draft: Fixtures.scorecardDraft(), accountID: account.id)
            var draft = Fixtures.scorecardDraft()
            draft.name = "Call QA, renamed"
            draft.sections[0].scores.append(ScoreDraft(key: "empathy"))
            let second = try await store.pushScorecardVersion(source: "v2", draft: draft, accountID: account.id)
            #expect(second.version == 2)
            let scorecard = try #require(try await store.scorecard("call-qa", accountID: account.id))
            #expect(scorecard.version == 2 && scorecard.name == "Call QA, renamed" && scorecard.score("empathy") != nil)
            #expect(try await store.scorecardVersion("call-qa", version: 1, accountID: account.id) == first)
            #expect(try await store.scorecardVersion(scorecard.id.rawValue, version: 2, accountID: account.id)?.source == "v2")
            #expect(try await store.scorecardVersion("call-qa", version: 3, accountID: account.id) == nil)
        }
    }

    @Test("Versions are listed newest first, page by page", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            for number in 1...5 {
                _ = try await store.pushScorecardVersion(source: "v\(number)", draft: Fixtures.scorecardDraft(), accountID: account.id)
            }
            let first = try await store.scorecardVersions("call-qa", accountID: account.id, page: PageRequest(limit: 3))
            #expect(first.data.map(\.version) == [5, 4, 3])
            let second = try await store.scorecardVersions("call-qa", accountID: account.id, page: PageRequest(limit: 3, cursor: first.nextCursor))
            #expect(second.data.map(\.version) == [2, 1] && second.nextCursor == nil)
        }
    }

    @Test("An invalid draft changes neither the scorecard nor its versions", arguments: TestDatabase.available)
    func atomic(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.pushScorecardVersion(source: "v1", draft: Fixtures.scorecardDraft(), accountID: account.id)
            var draft = Fixtures.scorecardDraft()
            draft.sections[1].scores.append(ScoreDraft(key: "greeting"))
            await #expect(throws: DomainError.self) {
                try await store.pushScorecardVersion(source: "v2", draft: draft, accountID: account.id)
            }
            #expect(try await store.scorecard("call-qa", accountID: account.id)?.version == 1)
            #expect(try await store.scorecardVersion("call-qa", version: nil, accountID: account.id)?.version == 1)
        }
    }

    @Test("Another account sees none of the versions", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let owner = try await Fixtures.account(store)
            let other = try await Fixtures.account(store)
            let pushed = try await store.pushScorecardVersion(source: "v1", draft: Fixtures.scorecardDraft(), accountID: owner.id)
            #expect(try await store.scorecardVersion("call-qa", version: nil, accountID: other.id) == nil)
            #expect(try await store.scorecardVersion(pushed.scorecardId.rawValue, version: 1, accountID: other.id) == nil)
            await #expect(throws: DomainError.notFound(resource: "scorecard", id: "call-qa", field: nil)) {
                try await store.scorecardVersions("call-qa", accountID: other.id, page: .first)
            }
            // The same key in the other account starts its own numbering.
            #expect(try await store.pushScorecardVersion(source: "mine", draft: Fixtures.scorecardDraft(), accountID: other.id).version == 1)
        }
    }

    @Test("A version may move a score to another section, rename, add and remove sections, and remove scores", arguments: TestDatabase.available)
    func reshaped(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let first = try await store.pushScorecardVersion(source: "v1", draft: Fixtures.scorecardDraft(), accountID: account.id)
            let original = try #require(try await store.scorecard("call-qa", accountID: account.id))
            _ = try await store.createScoreResults([Fixtures.result(item: "call-1")], accountID: account.id)
            // greeting moves into a new section, "Resolution" is renamed "Outcome", sentiment is removed.
            let reshaped = ScorecardDraft(key: "call-qa", name: "Call QA", sections: [
                .init(name: "Outcome", scores: [ScoreDraft(key: "resolved", classes: ["Yes", "No"], positiveClass: "Yes")]),
                .init(name: "Greeting and identity", scores: [ScoreDraft(key: "greeting"), ScoreDraft(key: "identity_verified")]),
            ])
            let second = try await store.pushScorecardVersion(source: "v2", draft: reshaped, accountID: account.id)
            #expect(second.version == 2 && first.version == 1)
            let now = try #require(try await store.scorecard("call-qa", accountID: account.id))
            #expect(now.sections.map(\.name) == ["Outcome", "Greeting and identity"])
            #expect(now.sections.map { $0.scores.map(\.key) } == [["resolved"], ["greeting", "identity_verified"]])
            #expect(now.score("greeting")?.id == original.score("greeting")?.id)
            #expect(now.score("resolved")?.id == original.score("resolved")?.id)
            #expect(now.score("sentiment") == nil)
            // The moved score keeps its results.
            let results = try await store.scoreResults(
                accountID: account.id, filter: ScoreResultFilter(scoreId: original.score("greeting")!.id), page: try PageRequest())
            #expect(results.data.count == 1)
        }
    }

    @Test("A score a later version names again comes back with its old ID", arguments: TestDatabase.available)
    func revived(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.pushScorecardVersion(source: "v1", draft: Fixtures.scorecardDraft(), accountID: account.id)
            let original = try #require(try await store.scorecard("call-qa", accountID: account.id))
            var without = Fixtures.scorecardDraft()
            without.sections[1].scores.removeAll { $0.key == "sentiment" }
            _ = try await store.pushScorecardVersion(source: "v2", draft: without, accountID: account.id)
            #expect(try await store.scorecard("call-qa", accountID: account.id)?.score("sentiment") == nil)
            _ = try await store.pushScorecardVersion(source: "v3", draft: Fixtures.scorecardDraft(), accountID: account.id)
            let revived = try #require(try await store.scorecard("call-qa", accountID: account.id))
            #expect(revived.version == 3 && revived.score("sentiment")?.id == original.score("sentiment")?.id)
            #expect(revived.sections.map(\.name) == ["Opening", "Resolution"])
        }
    }

    @Test("A PATCH may move a score into a new section; what it does not name stays", arguments: TestDatabase.available)
    func patchMovesScore(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let created = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let update = ScorecardUpdate(sections: [.init(name: "Closing", scores: [ScoreDraft(key: "greeting")])])
            let updated = try await store.updateScorecard("call-qa", accountID: account.id, with: update)
            #expect(Set(updated.sections.map(\.name)) == ["Closing", "Opening", "Resolution"])
            #expect(updated.sections.first { $0.name == "Closing" }?.scores.map(\.key) == ["greeting"])
            #expect(updated.score("greeting")?.id == created.score("greeting")?.id && updated.score("sentiment") != nil)
        }
    }

    @Test("A scorecard without scores, or with a section name twice, is refused", arguments: TestDatabase.available)
    func refusedShapes(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            for sections: [ScorecardDraft.Section] in [[], [.init(name: "Empty", scores: [])]] {
                await #expect(throws: DomainError.self) {
                    try await store.createScorecard(ScorecardDraft(key: "empty", name: "Empty", sections: sections), accountID: account.id)
                }
            }
            let twice = ScorecardDraft(key: "twice", name: "Twice", sections: [
                .init(name: "A", scores: [ScoreDraft(key: "one")]), .init(name: "A", scores: [ScoreDraft(key: "two")]),
            ])
            let error = await #expect(throws: DomainError.self) { try await store.createScorecard(twice, accountID: account.id) }
            #expect(error?.field == "sections[1].name")
        }
    }
}
