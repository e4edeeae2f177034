import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Evaluations and labels")
struct EvaluationStoreTests {
    @Test("An evaluation moves from PENDING to RUNNING to COMPLETED and then stays there", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let created = try await store.createEvaluation(EvaluationDraft(scorecard: "call-qa", score: "greeting", totalItems: 10), accountID: account.id)
            #expect(created.status == .pending && created.startedAt == nil)
            let running = try await store.updateEvaluation(created.id.rawValue, accountID: account.id, with: EvaluationUpdate(status: .running, progress: 0.5, processedItems: 5))
            #expect(running.startedAt != nil && running.processedItems == 5)
            let done = try await store.updateEvaluation(created.id.rawValue, accountID: account.id, with: EvaluationUpdate(
                status: .completed, progress: 1, processedItems: 10, accuracy: 0.8,
                metrics: .object(["f1": .number(0.75)]), confusionMatrix: .array([.array([.number(4), .number(1)])])))
            #expect(done.completedAt != nil && done.accuracy == 0.8)
            #expect(try await store.evaluation(created.id.rawValue, accountID: account.id) == done)
            await #expect(throws: DomainError.self) {
                try await store.updateEvaluation(created.id.rawValue, accountID: account.id, with: EvaluationUpdate(status: .running))
            }
            await #expect(throws: DomainError.self) {
                try await store.updateEvaluation(created.id.rawValue, accountID: account.id, with: EvaluationUpdate(progress: 2))
            }
            #expect(try await store.evaluations(accountID: account.id, page: .first).data.map(\.id) == [created.id])
        }
    }

    @Test("A label is set, replaced, and must be one of the score's classes", arguments: TestDatabase.available)
    func labels(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let first = try await store.setLabel(LabelDraft(scorecard: "call-qa", score: "greeting", item: .externalId("c1"), value: "Yes", source: "qa"), accountID: account.id)
            let second = try await store.setLabel(LabelDraft(scorecard: "call-qa", score: "greeting", item: .externalId("c1"), value: "No"), accountID: account.id)
            #expect(second.id == first.id && second.value == "No")
            #expect(try await store.labels(accountID: account.id, page: .first).data.count == 1)
            await #expect(throws: DomainError.self) {
                try await store.setLabel(LabelDraft(scorecard: "call-qa", score: "greeting", item: .externalId("c1"), value: "Maybe"), accountID: account.id)
            }
        }
    }
}
