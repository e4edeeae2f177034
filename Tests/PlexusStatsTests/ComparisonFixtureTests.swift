import PlexusStats
import Testing

/// McNemar's test and the paired bootstrap against statsmodels and scipy on the same inputs.
@Suite("Agreement with statsmodels and scipy")
struct ComparisonFixtureTests {
    /// McNemar's p-values and statistics agree with statsmodels to this absolute tolerance.
    private let mcNemarTolerance = 1e-10
    /// Each bootstrap bound agrees with scipy's to this, although the two draw different resamples.
    private let bootstrapTolerance = 0.02

    /// Compares one case's classifiers the way a caller would.
    private func compare(_ reference: ComparisonCase, resamples: Int = 1, seed: UInt64 = 1) throws -> ClassifierComparison {
        let (baseline, candidate) = reference.table.outcomes
        var generator = SeededGenerator(seed: seed)
        return try ClassifierComparison(baseline: baseline, candidate: candidate, resamples: resamples, using: &generator)
    }

    @Test("The fixture file loads and holds the reference cases")
    func fixtureLoads() throws {
        let cases = try ComparisonCase.all()
        #expect(cases.count >= 20)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names should be unique")
        #expect(try ComparisonCase.withBootstrap().count >= 3)
    }

    @Test("Exact McNemar matches mcnemar(table, exact=True)", arguments: try ComparisonCase.all())
    func exact(_ reference: ComparisonCase) throws {
        let test = try compare(reference).mcNemar
        #expect(test.baselineOnlyCorrect == reference.table.baselineOnlyCorrect)
        #expect(test.candidateOnlyCorrect == reference.table.candidateOnlyCorrect)
        #expect(test.exactStatistic == reference.mcnemar.exactStatistic)
        expectWithin(test.exactPValue, reference.mcnemar.exactPValue, mcNemarTolerance, "exact p-value")
    }

    @Test("Corrected chi-square McNemar matches mcnemar(table, exact=False, correction=True)", arguments: try ComparisonCase.all())
    func chiSquare(_ reference: ComparisonCase) throws {
        let test = try compare(reference).mcNemar
        expectWithin(test.chiSquare, reference.mcnemar.chiSquareStatistic, mcNemarTolerance, "chi-square")
        expectWithin(test.chiSquarePValue, reference.mcnemar.chiSquarePValue, mcNemarTolerance, "chi-square p-value")
    }

    @Test("Accuracies and their difference follow from the table", arguments: try ComparisonCase.all())
    func accuracies(_ reference: ComparisonCase) throws {
        let comparison = try compare(reference)
        let table = reference.table
        #expect(comparison.count == reference.count)
        expectWithin(comparison.baselineAccuracy, Double(table.bothCorrect + table.baselineOnlyCorrect) / Double(reference.count), 1e-15, "baseline accuracy")
        expectWithin(comparison.candidateAccuracy, Double(table.bothCorrect + table.candidateOnlyCorrect) / Double(reference.count), 1e-15, "candidate accuracy")
    }

    @Test("Bootstrap interval agrees with scipy.stats.bootstrap(paired=True, method='percentile')", arguments: try ComparisonCase.withBootstrap())
    func bootstrap(_ reference: ComparisonCase) throws {
        let expected = try #require(reference.bootstrap)
        let (baseline, candidate) = reference.table.outcomes
        var generator = SeededGenerator(seed: 2024)
        let interval = try PairedBootstrap(
            baseline: baseline, candidate: candidate,
            resamples: expected.resamples, confidence: expected.confidence, using: &generator
        )
        expectWithin(interval.difference, expected.difference, 1e-12, "point estimate")
        expectWithin(interval.lower, expected.lower, bootstrapTolerance, "lower bound")
        expectWithin(interval.upper, expected.upper, bootstrapTolerance, "upper bound")
    }
}
