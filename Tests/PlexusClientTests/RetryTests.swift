import PlexusClient
import PlexusCore
import Testing

@Suite("Retrying failed requests without duplicates")
struct RetryTests {
    static let batchPath = "/api/v1/score-results/batch"

    @Test("A batch whose answers were lost is resent with the same keys and stored once")
    func lostAnswers() async throws {
        let faults = FaultPlan([.init(method: "POST", pathPrefix: Self.batchPath, status: 503, times: 2, afterHandling: true)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            for number in 1...10 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)")
            }
            await client.flush()
            let stored = try await server.storedResults()
            #expect(stored.count == 10)
            #expect(Set(stored.compactMap(\.idempotencyKey)).count == 10)
            #expect(await faults.requests("POST", Self.batchPath) == 3)
            let stats = await client.stats
            #expect(stats.retries == 2 && stats.sent == 10 && stats.batches == 1 && stats.failed == 0)
            await client.shutdown()
        }
    }

    @Test("A batch that keeps failing is logged and counted as failed, never thrown")
    func givesUp() async throws {
        let faults = FaultPlan([.init(method: "POST", pathPrefix: Self.batchPath, status: 503, times: 100)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client(Fixtures.configuration(maxAttempts: 3))
            for number in 1...5 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)")
            }
            await client.flush()
            let stats = await client.stats
            #expect(stats.failed == 5 && stats.sent == 0 && stats.retries == 2 && stats.pending == 0)
            #expect(try await server.storedResults().isEmpty)
            await client.shutdown()
        }
    }

    @Test("A result the server rejects is dropped alone and the rest of its batch is stored")
    func dropsRejectedResult() async throws {
        let faults = FaultPlan()
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            for number in 1...5 {
                let evaluation: Identifier<Evaluation>? = number == 3 ? Identifier("no-such-evaluation") : nil
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)", evaluationID: evaluation)
            }
            await client.flush()
            let stats = await client.stats
            #expect(stats.failed == 1 && stats.sent == 4 && stats.retries == 0)
            #expect(try await server.storedResults().count == 4)
            #expect(await faults.requests("POST", Self.batchPath) == 2)
            await client.shutdown()
        }
    }

    @Test("429 is retried; an immediate result then succeeds")
    func tooManyRequests() async throws {
        let faults = FaultPlan([.init(method: "POST", pathPrefix: "/api/v1/score-results", status: 429, times: 1)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            let result = try await client.scoreResults.create(value: "Yes", itemID: "call-1", immediate: true)
            #expect(result != nil)
            #expect(await client.stats.retries == 1)
            await client.shutdown()
        }
    }

    @Test("Failed background evaluation updates are counted, and later ones still go out")
    func failedUpdates() async throws {
        let faults = FaultPlan([.init(method: "PATCH", pathPrefix: "/api/v1/evaluations/", status: 400, times: 1)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            let evaluation = try await client.experiments.create()
            try await client.experiments.update(id: evaluation.id, EvaluationUpdate(processedItems: 1))
            try await client.experiments.update(id: evaluation.id, EvaluationUpdate(processedItems: 2))
            await client.flush()
            let stats = await client.stats
            #expect(stats.updatesFailed == 1 && stats.updatesSent == 1)
            #expect(try await client.experiments.get(id: evaluation.id).processedItems == 2)
            await client.shutdown()
        }
    }
}
