import PlexusClient
import PlexusCore
import Testing

@Suite("Background batching against a live server")
struct BatchingTests {
    @Test("Ten queued results go out together in one batch request")
    func fullBatch() async throws {
        let faults = FaultPlan()
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            for number in 1...10 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)", confidence: 0.9)
            }
            #expect(try await eventually { await client.stats.batches == 1 })
            #expect(try await server.storedResults().count == 10)
            #expect(await faults.requests("POST", "/api/v1/score-results/batch") == 1)
            let stats = await client.stats
            #expect(stats.queued == 10 && stats.sent == 10 && stats.failed == 0 && stats.pending == 0)
            await client.shutdown()
        }
    }

    @Test("Fewer results than a batch go out once the batch interval has passed")
    func partialBatchAfterInterval() async throws {
        try await LiveServer.run { server in
            let client = try server.client(Fixtures.configuration(batchInterval: .milliseconds(500)))
            let start = ContinuousClock.now
            for number in 1...3 {
                try await client.scoreResults.create(value: "No", itemID: "call-\(number)")
            }
            #expect(await client.stats.batches == 0)
            #expect(try await eventually { await client.stats.batches == 1 })
            #expect(ContinuousClock.now - start >= .milliseconds(500))
            #expect(try await server.storedResults().count == 3)
            await client.shutdown()
        }
    }

    @Test("flush sends what is queued and returns once the server has stored it")
    func flushSendsPending() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            for number in 1...13 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)")
            }
            await client.flush()
            #expect(try await server.storedResults().count == 13)
            #expect(await client.stats.batches == 2)
            await client.shutdown()
        }
    }

    @Test("shutdown sends what is queued, then refuses to queue more")
    func shutdownDrains() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            for number in 1...4 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)")
            }
            await client.shutdown()
            #expect(try await server.storedResults().count == 4)
            await #expect(throws: PlexusClientError.shutDown) {
                try await client.scoreResults.create(value: "Yes", itemID: "late")
            }
            await client.shutdown()
        }
    }

    @Test("Fifty tasks queueing at once store exactly the results they queued")
    func concurrentProducers() async throws {
        try await LiveServer.run { server in
            let client = try server.client(Fixtures.configuration(batchSize: 25, batchInterval: .milliseconds(200)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<50 {
                    group.addTask {
                        for number in 0..<20 {
                            try await client.scoreResults.create(
                                value: number.isMultiple(of: 2) ? "Yes" : "No", itemID: "task\(task)-item\(number)", confidence: 0.8)
                        }
                    }
                }
                try await group.waitForAll()
            }
            await client.flush()
            let stored = try await server.storedResults()
            #expect(stored.count == 1000)
            #expect(Set(stored.compactMap(\.idempotencyKey)).count == 1000)
            #expect(Set(stored.map(\.itemId)).count == 1000)
            let stats = await client.stats
            #expect(stats.queued == 1000 && stats.sent == 1000 && stats.failed == 0)
            #expect(stats.lookups == 1)
            await client.shutdown()
        }
    }
}
