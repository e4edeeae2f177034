import Foundation
import PlexusClient
import PlexusCore
import Testing

@Suite("Score result calls that wait for the server")
struct ScoreResultCallTests {
    @Test("An immediate result is stored and returned at once, without queueing")
    func immediateCreate() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let result = try #require(try await client.scoreResults.create(
                value: "Yes", itemID: "call-7", confidence: 0.93, metadata: .object(["channel": .string("phone")]),
                explanation: "Greeted by name.", immediate: true))
            #expect(result.value == "Yes" && result.confidence == 0.93 && result.explanation == "Greeted by name.")
            #expect(result.metadata == .object(["channel": .string("phone")]))
            #expect(result.idempotencyKey != nil)
            #expect(try await client.scoreResults.get(id: result.id) == result)
            let item = try await server.store.item(result.itemId.rawValue, accountID: server.account.id)
            #expect(item?.externalId == "call-7")
            #expect(await client.stats.queued == 0)
            await client.shutdown()
        }
    }

    @Test("batchCreate stores every result and resending it creates no duplicates")
    func batchCreateIsIdempotent() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let inputs = (1...5).map { ScoreResultInput(scorecardKey: "call-qa", scoreKey: "greeting", itemExternalId: "call-\($0)", value: "Yes", idempotencyKey: "key-\($0)") }
            let first = try await client.scoreResults.batchCreate(inputs)
            let second = try await client.scoreResults.batchCreate(inputs)
            #expect(first.created == 5 && first.duplicates == 0)
            #expect(second.created == 0 && second.duplicates == 5)
            #expect(second.ids == first.ids)
            #expect(try await server.storedResults().count == 5)
            await client.shutdown()
        }
    }

    @Test("update changes the fields it sets and keeps the others")
    func updateResult() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let created = try #require(try await client.scoreResults.create(value: "Yes", itemID: "call-1", confidence: 0.7, immediate: true))
            let updated = try await client.scoreResults.update(id: created.id, ScoreResultUpdate(value: "No", explanation: "Reviewed."))
            #expect(updated.value == "No" && updated.explanation == "Reviewed." && updated.confidence == 0.7)
            await client.shutdown()
        }
    }

    @Test("list filters by evaluation and all follows the pages to the end")
    func listAndPaging() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let evaluation = try await client.experiments.create(scoreKey: "greeting")
            for number in 1...7 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)", evaluationID: number <= 5 ? evaluation.id : nil)
            }
            await client.flush()
            let filter = ScoreResultFilter(evaluationId: evaluation.id)
            let page = try await client.scoreResults.list(filter, limit: 2)
            #expect(page.data.count == 2 && page.nextCursor != nil)
            #expect(try await client.scoreResults.all(filter).count == 5)
            #expect(try await client.scoreResults.all().count == 7)
            await client.shutdown()
        }
    }
}
