import Foundation
import PlexusClient
import PlexusCore
import PlexusStats
import PlexusStore
import Testing

@Suite("The demo account")
struct DemoLoaderTests {
    /// The repository's `examples/` folder.
    static let examplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples").standardized.path

    @Test("The demo pushes the walkthrough's scorecards as version 1 with their labelled items, then fills every page's data once")
    func loadsOnce() async throws {
        try await LiveServer.run(sourceValidator: .parser()) { server in
            let admin = try server.client()
            let created = try await admin.accounts.create(key: "demo", name: "Demo")
            await admin.shutdown()
            let client = try server.client(context: ClientContext(), apiKey: created.apiKey)
            let now = Date()
            let loader = DemoLoader(client: client, examples: try DemoExamples.load(from: Self.examplesFolder))
            let outcome = try await loader.load(now: now)
            guard case .loaded(let evaluationIDs, let results, let records) = outcome else {
                Issue.record("expected the demo to load, got \(outcome)")
                return
            }
            // 240 labelled calls with six labels each, scored once a day for three days.
            #expect(results == 240 * 6 * 3 && records == 1500 && evaluationIDs.count == 2)
            let accountID = created.account.id
            let callQA = try await client.scorecards.version("call-qa")
            #expect(callQA.version == 1)
            let yaml = try String(contentsOfFile: Self.examplesFolder + "/call-qa/scorecard.yaml", encoding: .utf8)
            #expect(callQA.source == yaml)
            #expect(try await client.scorecards.version("support-chat").version == 1)
            let counts = try await server.store.counts(accountID: accountID)
            #expect(counts.items == 240 + 220 && counts.scoreResults == results + 2 * 240 && counts.evaluations == 2)
            let lastDay = try await server.store.scoreResults(
                accountID: accountID, filter: ScoreResultFilter(since: now.addingTimeInterval(-86_400)), page: PageRequest(limit: 1000)).data
            #expect(!lastDay.isEmpty && lastDay.count < results, "results spread over several days")

            for id in evaluationIDs {
                let evaluation = try #require(try await server.store.evaluation(id.rawValue, accountID: accountID))
                #expect(evaluation.status == .completed && evaluation.processedItems == 240)
                // The stored accuracy is what PlexusStats says of the stored results and the labels they carry.
                var evaluated: [ScoreResult] = []
                var page = try PageRequest(limit: 1000)
                while true {
                    let batch = try await server.store.scoreResults(accountID: accountID, filter: ScoreResultFilter(evaluationId: id), page: page)
                    evaluated += batch.data
                    guard let cursor = batch.nextCursor else { break }
                    page = try PageRequest(limit: 1000, cursor: cursor)
                }
                let matrix = try ConfusionMatrix(
                    actual: evaluated.map { $0.metadata?["trueValue"]?.stringValue ?? "" }, predicted: evaluated.map(\.value), labels: ["Yes", "No"])
                #expect(evaluated.count == 240 && evaluation.accuracy == ClassificationMetrics(matrix).accuracy)
            }

            let performance = try await server.store.performanceSummary(accountID: accountID, window: .lastDay)
            #expect(performance.totalProcessed >= 1499 && performance.earlyExits > 0 && performance.qualityBypassed > 0)
            #expect(try await loader.load() == .alreadyLoaded)
            await client.shutdown()
        }
    }

    @Test("A missing examples folder is named, with what to do")
    func missingExamples() {
        let error = #expect(throws: DemoError.self) { try DemoExamples.load(from: "/nonexistent/examples") }
        #expect(error?.description.contains("/nonexistent/examples/call-qa/scorecard.yaml") == true)
        #expect(error?.description.contains("--examples") == true)
    }
}
