/// Whether a candidate classifier does better than a baseline on the same items: McNemar's test
/// of the discordant items and a paired bootstrap interval for the difference in accuracy.
public struct ClassifierComparison: Sendable, Hashable, Codable {
    /// The number of items both classifiers were judged on.
    public let count: Int
    /// The fraction of items the baseline got right.
    public let baselineAccuracy: Double
    /// The fraction of items the candidate got right.
    public let candidateAccuracy: Double
    /// McNemar's test of the items exactly one classifier got right.
    public let mcNemar: McNemarTest
    /// The bootstrap interval for candidateAccuracy − baselineAccuracy.
    public let bootstrap: PairedBootstrap

    /// Compares `candidate` with `baseline`, the correctness of each classifier per item in the
    /// same order; the bootstrap draws `resamples` resamples from `generator`.
    ///
    /// Throws ``ComparisonError`` when the arrays differ in length or are empty, or when
    /// `resamples` or `confidence` is out of range.
    public init(
        baseline: [Bool], candidate: [Bool], resamples: Int = 10_000, confidence: Double = 0.95,
        using generator: inout some RandomNumberGenerator
    ) throws(ComparisonError) {
        let outcomes = try PairedOutcomes(baseline: baseline, candidate: candidate)
        count = outcomes.count
        baselineAccuracy = Double(outcomes.baselineCorrect) / Double(outcomes.count)
        candidateAccuracy = Double(outcomes.candidateCorrect) / Double(outcomes.count)
        mcNemar = try McNemarTest(
            baselineOnlyCorrect: outcomes.baselineOnlyCorrect,
            candidateOnlyCorrect: outcomes.candidateOnlyCorrect
        )
        bootstrap = try PairedBootstrap(outcomes, resamples: resamples, confidence: confidence, using: &generator)
    }

    /// Whether McNemar's exact p-value is below `alpha`: the two classifiers' accuracies differ
    /// more than chance would explain at that significance level.
    public func isSignificant(at alpha: Double = 0.05) -> Bool {
        mcNemar.exactPValue < alpha
    }
}
