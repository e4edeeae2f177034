import PlexusClient
import PlexusCore
import PlexusScoring
import PlexusStats
import Testing

@Suite("ExperimentSimulator end to end")
struct SimulatorTests {
    @Test("A simulation without delay completes, and its metrics match the stored results")
    func completes() async throws {
        try await LiveServer.run { server in
            let client = try server.client(context: ClientContext(accountKey: "default", scorecardKey: "call-qa"))
            let simulator = try ExperimentSimulator(client: client, numItems: 40, accuracy: 0.8)
            var reports: [SimulationProgress] = []
            let summary = try await simulator.run(seed: 42) { reports.append($0) }

            #expect(reports.map(\.processed) == Array(1...40))
            #expect(reports.last?.accuracy == summary.metrics.accuracy)
            let evaluation = try await client.experiments.get(id: summary.evaluationID)
            #expect(evaluation.status == .completed && evaluation.type == "simulation")
            #expect(evaluation.processedItems == 40 && evaluation.totalItems == 40 && evaluation.progress == 1)
            #expect(evaluation.scoreId == server.scorecard.score("greeting")!.id)

            let results = try await server.storedResults(ScoreResultFilter(evaluationId: summary.evaluationID))
            #expect(results.count == 40)
            var matrix = try ConfusionMatrix(labels: ["Yes", "No"])
            for result in results {
                let truth = try #require(result.metadata?["trueValue"]?.stringValue)
                let predicted = try #require(result.metadata?["predictedValue"]?.stringValue)
                #expect(predicted == result.value)
                #expect(result.metadata?["correct"] == .bool(truth == predicted))
                #expect((0.7...0.99).contains(result.confidence ?? 0))
                matrix.record(actual: truth, predicted: predicted)
            }
            let expected = ClassificationMetrics(matrix)
            let positive = try #require(expected.binary(positive: "Yes"))
            let metrics = try #require(evaluation.metrics)
            #expect(metrics["accuracy"]?.numberValue == expected.accuracy)
            #expect(evaluation.accuracy == expected.accuracy)
            #expect(metrics["precision"]?.numberValue == positive.precision)
            #expect(metrics["sensitivity"]?.numberValue == positive.recall)
            #expect(metrics["recall"]?.numberValue == positive.recall)
            #expect(metrics["specificity"]?.numberValue == positive.specificity)
            #expect(metrics["f1"]?.numberValue == positive.f1)
            #expect(metrics["kappa"]?.numberValue == expected.cohensKappa)
            #expect(metrics["ac1"]?.numberValue == expected.gwetsAC1)
            #expect(metrics["mcc"]?.numberValue == expected.matthewsCorrelation)
            #expect(evaluation.confusionMatrix == EvaluationMetrics(matrix, positiveClass: "Yes").confusionMatrixJSON)
            #expect(summary.metrics.matrix == matrix)
            await client.shutdown()
        }
    }

    @Test("The same seed gives the same simulation")
    func deterministic() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let simulator = try ExperimentSimulator(client: client, scoreKey: "resolution", numItems: 25, accuracy: 0.6)
            let first = try await simulator.run(seed: 7)
            let second = try await simulator.run(seed: 7)
            #expect(first.evaluationID != second.evaluationID)
            #expect(first.metrics == second.metrics)
            #expect(first.metrics.matrix.labels == ["Resolved", "Unresolved"])
            #expect(first.metrics.positiveClass == "Resolved")
            await client.shutdown()
        }
    }

    @Test("A simulation that fails marks its evaluation FAILED with the error")
    func failure() async throws {
        let faults = FaultPlan([.init(method: "PATCH", pathPrefix: "/api/v1/evaluations/", status: 400, times: 1)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client()
            let simulator = try ExperimentSimulator(client: client, numItems: 5)
            await #expect(throws: PlexusClientError.self) { try await simulator.run(seed: 1) }
            let evaluations = try await server.store.evaluations(accountID: server.account.id, page: .first)
            let evaluation = try #require(evaluations.data.first)
            #expect(evaluation.status == .failed)
            #expect(evaluation.errorMessage?.contains("injected_fault") == true)
            await client.shutdown()
        }
    }

    @Test("A cancelled simulation sends what it recorded and ends its evaluation CANCELLED with matching counts")
    func cancelled() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            var simulator = try ExperimentSimulator(client: client, numItems: 1_000_000, accuracy: 0.8)
            // Generous, so a busy machine still sends everything; what is checked is that nothing is lost.
            simulator.interruptionGrace = .seconds(60)
            let run = Task { try await simulator.run(seed: 3) }
            // Let it record a few batches' worth, then interrupt it as Ctrl-C does.
            #expect(try await eventually(timeout: .seconds(90)) { try await server.storedResults().count >= 30 })
            run.cancel()
            let error = await #expect(throws: RunInterrupted.self) { try await run.value }
            let interrupted = try #require(error)
            #expect(interrupted.unsent == 0 && interrupted.evaluationsEnded && interrupted.recorded >= 30)
            let evaluation = try await client.experiments.get(id: try #require(interrupted.evaluations.first))
            #expect(evaluation.status == .cancelled && evaluation.completedAt != nil)
            #expect(evaluation.processedItems == interrupted.recorded)
            #expect(evaluation.errorMessage?.hasPrefix("Interrupted after \(interrupted.recorded) of 1000000 items") == true)
            #expect(try await server.storedResults(ScoreResultFilter(evaluationId: evaluation.id)).count == interrupted.recorded)
            await client.shutdown()
        }
    }

    @Test("A producer faster than the server waits for room instead of queueing without bound")
    func backPressure() async throws {
        let faults = FaultPlan([.init(method: "POST", pathPrefix: "/api/v1/score-results/batch", delay: .milliseconds(200), times: 1_000)])
        try await LiveServer.run(faults: faults) { server in
            let client = try server.client(ClientConfiguration(batchSize: 10, maxQueuedResults: 50))
            let start = ContinuousClock.now
            for number in 1...120 {
                try await client.scoreResults.create(value: "Yes", itemID: "call-\(number)")
                #expect(await client.stats.pending <= 50)
            }
            // 120 results at 10 per 200 ms batch with room for 50: the producer had to wait for about 7 batches.
            #expect(ContinuousClock.now - start >= .milliseconds(1_000))
            await client.flush()
            #expect(await client.stats.sent == 120)
            await client.shutdown()
        }
    }

    @Test("Settings out of range are rejected with the setting's name")
    func settings() async throws {
        let client = try PlexusClient(baseURL: "http://127.0.0.1:1", apiKey: "key")
        #expect(throws: PlexusClientError.self) { try ExperimentSimulator(client: client, accuracy: 1.5) }
        #expect(throws: PlexusClientError.self) { try ExperimentSimulator(client: client, numItems: 0) }
        #expect(throws: PlexusClientError.self) { try ExperimentSimulator(client: client, delay: -1...1) }
        await client.shutdown()
    }
}
