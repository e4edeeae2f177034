import Foundation
import PlexusClient
import PlexusCore
import PlexusStats
import PlexusStore
import Testing

@Suite("The demo account")
struct DemoLoaderTests {
    @Test("The demo fills every page's data once, and a second load changes nothing")
    func loadsOnce() async throws {
        try await LiveServer.run { server in
            let admin = try server.client()
            let created = try await admin.accounts.create(key: "demo", name: "Demo")
            await admin.shutdown()
            let client = try server.client(context: ClientContext(), apiKey: created.apiKey)
            let now = Date()
            let outcome = try await DemoLoader(client: client).load(now: now)
            guard case .loaded(let evaluationID, let results, let records) = outcome else {
                Issue.record("expected the demo to load, got \(outcome)")
                return
            }
            #expect(results == 3600 && records == 1500)
            let accountID = created.account.id
            let counts = try await server.store.counts(accountID: accountID)
            #expect(counts.items == 300 && counts.scoreResults == 3600 + 300 && counts.evaluations == 1)
            let lastDay = try await server.store.scoreResults(
                accountID: accountID, filter: ScoreResultFilter(since: now.addingTimeInterval(-86_400)), page: PageRequest(limit: 1000)).data
            #expect(!lastDay.isEmpty && lastDay.count < 3600, "results spread over several days")

            let evaluation = try #require(try await server.store.evaluation(evaluationID.rawValue, accountID: accountID))
            #expect(evaluation.status == .completed && evaluation.processedItems == 300)
            // The stored accuracy is what PlexusStats says of the stored results.
            let evaluated = try await server.store.scoreResults(accountID: accountID, filter: ScoreResultFilter(evaluationId: evaluationID), page: PageRequest(limit: 1000)).data
            let matrix = try ConfusionMatrix(actual: evaluated.map { $0.metadata?["trueValue"]?.stringValue ?? "" }, predicted: evaluated.map(\.value), labels: ["Yes", "No"])
            #expect(evaluation.accuracy == ClassificationMetrics(matrix).accuracy)

            let performance = try await server.store.performanceSummary(accountID: accountID, window: .lastDay)
            #expect(performance.totalProcessed >= 1499 && performance.earlyExits > 0 && performance.qualityBypassed > 0)
            #expect(try await DemoLoader(client: client).load() == .alreadyLoaded)
            await client.shutdown()
        }
    }
}
