import PlexusStats
import Testing

/// Properties every paired bootstrap interval must have, whatever the draws.
@Suite("Paired bootstrap")
struct PairedBootstrapTests {
    /// 300 items: the candidate gains 24 items and loses 12, so it is 4 points more accurate.
    private let baseline = Array(repeating: true, count: 200) + Array(repeating: true, count: 12)
        + Array(repeating: false, count: 24) + Array(repeating: false, count: 64)
    private let candidate = Array(repeating: true, count: 200) + Array(repeating: false, count: 12)
        + Array(repeating: true, count: 24) + Array(repeating: false, count: 64)

    /// The interval for the items above at `confidence`, from a generator seeded with `seed`.
    private func interval(confidence: Double = 0.95, resamples: Int = 2_000, seed: UInt64 = 7) throws -> PairedBootstrap {
        var generator = SeededGenerator(seed: seed)
        return try PairedBootstrap(
            baseline: baseline, candidate: candidate, resamples: resamples, confidence: confidence, using: &generator
        )
    }

    @Test("The point estimate is candidate minus baseline accuracy, and the interval contains it")
    func containsPointEstimate() throws {
        let result = try interval()
        #expect(abs(result.difference - 12.0 / 300) < 1e-15)
        #expect(result.lower <= result.difference && result.difference <= result.upper)
        #expect(result.lower < result.upper)
        #expect(result.resamples == 2_000 && result.confidence == 0.95)
    }

    @Test("The bounds are the 2.5% and 97.5% quantiles of the resampled differences")
    func boundsAreQuantiles() throws {
        // 200 items only the candidate gets right and 200 ties: a resample's difference is
        // Binomial(400, ½)/400, whose 2.5% and 97.5% quantiles are 180/400 and 220/400
        // (scipy.stats.binom.ppf). A 90% interval would give 0.46 and 0.54 instead.
        var generator = SeededGenerator(seed: 5)
        let result = try PairedBootstrap(
            baseline: Array(repeating: false, count: 400),
            candidate: Array(repeating: true, count: 200) + Array(repeating: false, count: 200),
            using: &generator
        )
        #expect(abs(result.lower - 0.45) <= 0.005, "lower \(result.lower)")
        #expect(abs(result.upper - 0.55) <= 0.005, "upper \(result.upper)")
    }

    @Test("Identical classifiers give the interval [0, 0]")
    func identicalInputs() throws {
        var generator = SeededGenerator(seed: 3)
        let result = try PairedBootstrap(baseline: baseline, candidate: baseline, resamples: 500, using: &generator)
        #expect(result.difference == 0 && result.lower == 0 && result.upper == 0)
    }

    @Test("A higher confidence level gives a wider interval")
    func widerWithConfidence() throws {
        let narrow = try interval(confidence: 0.80)
        let wide = try interval(confidence: 0.99)
        #expect(wide.lower < narrow.lower)
        #expect(wide.upper > narrow.upper)
    }

    @Test("The same seed gives the same interval")
    func deterministicPerSeed() throws {
        #expect(try interval(seed: 11) == interval(seed: 11))
    }

    @Test("A confidence level outside (0, 1) and fewer than one resample are rejected")
    func invalidParameters() {
        #expect(throws: ComparisonError.invalidConfidence(1)) { try interval(confidence: 1) }
        #expect(throws: ComparisonError.invalidConfidence(0)) { try interval(confidence: 0) }
        #expect(throws: ComparisonError.invalidResampleCount(0)) { try interval(resamples: 0) }
    }
}
