import Foundation
import PlexusClient
import PlexusCore
import PlexusScoring
import Testing

@Suite("Scoring through the server")
struct ScoringSessionTests {
    @Test("Scoring a file stores every result with its version, cost and explanation; bad rows are skipped")
    func scoresFile() async throws {
        try await ScoringScene.run { scene in
            let progress = try await scene.session().score(file: try ScoringScene.itemsFile(bad: true))
            #expect(progress.itemsScored == 4)
            #expect(progress.badRows == 1)
            #expect(progress.resultsStored == 12)
            #expect(progress.resultsSkipped == 2)
            let results = try await scene.server.storedResults()
            #expect(results.count == 12)
            #expect(results.allSatisfy { $0.scorecardVersion == 1 })
            let polite = results.filter { $0.explanation?.hasPrefix("ask:") == true }
            #expect(polite.count == 4)
            #expect(polite.allSatisfy { ($0.cost ?? 0) > 0 })
            let values = Dictionary(grouping: results, by: \.value).mapValues(\.count)
            #expect(values[Classification.skippedValue] == 2)
        }
    }

    @Test("A second run of the same file scores nothing again")
    func resumes() async throws {
        try await ScoringScene.run { scene in
            let file = try ScoringScene.itemsFile()
            _ = try await scene.session().score(file: file)
            let again = try await scene.session().score(file: file)
            #expect(again.itemsResumed == 4)
            #expect(again.itemsScored == 0)
            #expect(try await scene.server.storedResults().count == 12)
        }
    }

    @Test("Evaluating on stored labels completes one evaluation per score with the right accuracy")
    func evaluates() async throws {
        try await ScoringScene.run { scene in
            let imported = try await ItemImport(client: scene.client, scorecardKey: "qa-code").run(file: try ScoringScene.itemsFile())
            #expect(imported.labels == 12)
            let report = try await scene.session().evaluate(EvaluationOptions())
            let accuracy = Dictionary(uniqueKeysWithValues: report.scores.map { ($0.tally.score.key, $0.tally.metrics.accuracy) })
            // greeting misses i4 (labelled Yes); the fake model answers polite right everywhere; warm is
            // SKIPPED on i2 and i4 (no greeting) and right on i1 (polite) and i3 (neither polite nor short).
            #expect(accuracy == ["greeting": 0.75, "polite": 1.0, "warm": 1.0])
            for score in report.scores {
                let evaluation = try await scene.client.experiments.get(id: score.evaluationID)
                #expect(evaluation.status == .completed)
                #expect(evaluation.accuracy == accuracy[score.tally.score.key])
                #expect(evaluation.processedItems == 4)
            }
            let stored = try await scene.server.storedResults(ScoreResultFilter(evaluationId: report.scores[0].evaluationID))
            #expect(Set(stored.compactMap { $0.metadata?.objectValue?["trueValue"]?.stringValue }) == ["Yes", "No"])
        }
    }

    @Test("Two evaluations of the same score compare item by item")
    func compares() async throws {
        try await ScoringScene.run { scene in
            _ = try await ItemImport(client: scene.client, scorecardKey: "qa-code").run(file: try ScoringScene.itemsFile())
            let first = try await scene.session().evaluate(EvaluationOptions(scores: ["greeting"]))
            let second = try await scene.session().evaluate(EvaluationOptions(scores: ["greeting"], sample: 3, seed: 9))
            let comparison = try await EvaluationComparer(client: scene.client)
                .compare(baseline: first.scores[0].evaluationID, candidate: second.scores[0].evaluationID, resamples: 500)
            #expect(comparison.statistics.count == 3)
            #expect(comparison.unmatched == 1)
            #expect(comparison.statistics.mcNemar.baselineOnlyCorrect == 0)
        }
    }

    @Test("Naming a score without labels is an error that says how to add them")
    func unlabelled() async throws {
        try await ScoringScene.run { scene in
            await #expect(throws: EvaluationRunError.noLabelledItems(scorecard: "qa-code", scores: ["greeting"])) {
                _ = try await scene.session().evaluate(EvaluationOptions(scores: ["greeting"]))
            }
        }
    }

    @Test("Pulling a version returns the pushed YAML unchanged")
    func pull() async throws {
        try await ScoringScene.run { scene in
            let stored = try await scene.client.scorecards.version("qa-code", version: 1)
            #expect(stored.source == ScoringScene.scorecard)
        }
    }
}
