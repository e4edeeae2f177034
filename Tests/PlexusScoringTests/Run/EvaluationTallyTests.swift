import PlexusScoring
import PlexusStats
import Testing

@Suite("Evaluation tally and comparison")
struct EvaluationTallyTests {
    private func outcome(_ value: String) -> ScoreOutcome {
        ScoreOutcome(scoreKey: "a", result: .success(Classification(value: value, usage: Usage(cost: 0.25))), latency: 0.1)
    }

    @Test("The tally compares labelled, non-skipped items and sums their cost")
    func tally() {
        var tally = ScoreTally(score: RunFixtures.score("a", word: "x"))
        tally.record(itemID: "1", label: "Yes", outcome: outcome("Yes"))
        tally.record(itemID: "2", label: "No", outcome: outcome("Yes"))
        tally.record(itemID: "3", label: nil, outcome: outcome("No"))
        tally.record(itemID: "4", label: "No", outcome: outcome(Classification.skippedValue))
        #expect(tally.compared == 2)
        #expect(tally.leftOut == 2)
        #expect(tally.metrics.accuracy == 0.5)
        #expect(tally.metrics.precision == 0.5)
        #expect(tally.usage.cost == 1.0)
        #expect(tally.matrix.count(actual: "No", predicted: "Yes") == 1)
    }

    @Test("Two runs are compared on their common items with McNemar's counts")
    func comparison() throws {
        let baseline = (0..<40).map { ItemPrediction(itemID: "\($0)", label: "Yes", predicted: $0 < 30 ? "Yes" : "No") }
        let candidate = (0..<45).map { ItemPrediction(itemID: "\($0)", label: "Yes", predicted: $0 < 38 ? "Yes" : "No") }
        let comparison = try RunComparison(baseline: baseline, candidate: candidate, resamples: 2_000)
        #expect(comparison.statistics.count == 40)
        #expect(comparison.unmatched == 5)
        #expect(comparison.statistics.mcNemar.candidateOnlyCorrect == 8)
        #expect(comparison.statistics.mcNemar.baselineOnlyCorrect == 0)
        #expect(abs(comparison.statistics.bootstrap.difference - 0.2) < 1e-12)
        #expect(comparison.statistics.isSignificant())
    }

    @Test("Runs with no items in common cannot be compared")
    func disjoint() {
        #expect(throws: RunComparisonError.noCommonItems) {
            try RunComparison(baseline: [ItemPrediction(itemID: "1", label: "Yes", predicted: "Yes")],
                              candidate: [ItemPrediction(itemID: "2", label: "Yes", predicted: "Yes")])
        }
    }
}
