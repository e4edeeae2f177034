import PlexusStats
import Testing

/// Small comparisons worked out by hand, and the input checks.
@Suite("Classifier comparison")
struct ClassifierComparisonTests {
    /// Compares two correctness arrays with a fixed seed and few resamples.
    private func compare(_ baseline: [Bool], _ candidate: [Bool]) throws(ComparisonError) -> ClassifierComparison {
        var generator = SeededGenerator(seed: 1)
        return try ClassifierComparison(baseline: baseline, candidate: candidate, resamples: 200, using: &generator)
    }

    @Test("b = 1, c = 5: exact p = 2·(1 + 6)/64, corrected chi-square (4 − 1)²/6 = 1.5")
    func handComputed() throws {
        let baseline = [true, false, false, false, false, false, true]
        let candidate = [false, true, true, true, true, true, true]
        let test = try compare(baseline, candidate).mcNemar
        #expect(test.baselineOnlyCorrect == 1 && test.candidateOnlyCorrect == 5)
        #expect(abs(test.exactPValue - 14.0 / 64) < 1e-15)
        #expect(abs(test.chiSquare - 1.5) < 1e-15)
        // P(χ²₁ > 1.5) = 0.22067136191984693 (scipy.stats.chi2.sf(1.5, 1)).
        #expect(abs(test.chiSquarePValue - 0.22067136191984693) < 1e-12)
    }

    @Test("No discordant items: both p-values are 1 and the statistic is 0")
    func noDiscordantItems() throws {
        let test = try compare([true, false], [true, false]).mcNemar
        #expect(test.exactPValue == 1 && test.chiSquarePValue == 1 && test.chiSquare == 0)
    }

    @Test("isSignificant compares the exact p-value with alpha")
    func significance() throws {
        // b = 0, c = 10: p = 2/1024 ≈ 0.00195.
        let comparison = try compare(Array(repeating: false, count: 10), Array(repeating: true, count: 10))
        #expect(comparison.isSignificant())
        #expect(comparison.isSignificant(at: 0.01))
        #expect(!comparison.isSignificant(at: 0.001))
        #expect(try !compare([true, false], [false, true]).isSignificant())
    }

    @Test("Arrays of different lengths are rejected with both lengths named")
    func lengthMismatch() {
        #expect(throws: ComparisonError.lengthMismatch(baseline: 2, candidate: 1)) {
            try compare([true, false], [true])
        }
        #expect(ComparisonError.lengthMismatch(baseline: 2, candidate: 1).description.contains("2 baseline"))
    }

    @Test("Empty input is rejected")
    func empty() {
        #expect(throws: ComparisonError.empty) { try compare([], []) }
    }

    @Test("Negative discordant counts are rejected by name")
    func negativeCounts() {
        #expect(throws: ComparisonError.negativeCount(name: "candidateOnlyCorrect", count: -1)) {
            try McNemarTest(baselineOnlyCorrect: 3, candidateOnlyCorrect: -1)
        }
    }
}
