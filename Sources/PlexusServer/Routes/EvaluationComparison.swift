import PlexusCore
import PlexusScoring

/// Two evaluations compared on the items both judged: accuracies, the difference with its
/// paired-bootstrap interval, and McNemar's test. It is the body of
/// `GET /api/v1/evaluations/{id}/compare/{candidateId}` and what the dashboard's comparison page shows.
struct EvaluationComparison: Encodable, Sendable {
    /// One of the two evaluations.
    struct Side: Encodable, Sendable {
        let id: String
        /// The key of the evaluated score, when the evaluation is of one score.
        let scoreKey: String?
        /// Accuracy on the items both evaluations judged.
        let accuracy: Double
    }

    /// The paired-bootstrap interval of candidate − baseline accuracy.
    struct Interval: Encodable, Sendable {
        let lower: Double
        let upper: Double
        let confidence: Double
        let resamples: Int
    }

    /// McNemar's test on the items exactly one evaluation got right.
    struct McNemar: Encodable, Sendable {
        let baselineOnlyCorrect: Int
        let candidateOnlyCorrect: Int
        let exactPValue: Double
        let chiSquare: Double
        let chiSquarePValue: Double
    }

    /// The significance level of ``significant``.
    static let alpha = 0.05

    let baseline: Side
    let candidate: Side
    /// Items both evaluations judged.
    let items: Int
    /// Items judged by only one of them, left out.
    let unmatched: Int
    /// Candidate accuracy − baseline accuracy.
    let difference: Double
    let interval: Interval
    let mcNemar: McNemar
    /// Whether McNemar's exact p-value is below ``alpha``.
    let significant: Bool

    init(baseline: (evaluation: Evaluation, scoreKey: String?), candidate: (evaluation: Evaluation, scoreKey: String?), run: RunComparison) {
        let stats = run.statistics
        self.baseline = Side(id: baseline.evaluation.id.rawValue, scoreKey: baseline.scoreKey, accuracy: stats.baselineAccuracy)
        self.candidate = Side(id: candidate.evaluation.id.rawValue, scoreKey: candidate.scoreKey, accuracy: stats.candidateAccuracy)
        items = stats.count
        unmatched = run.unmatched
        difference = stats.bootstrap.difference
        interval = Interval(lower: stats.bootstrap.lower, upper: stats.bootstrap.upper,
                            confidence: stats.bootstrap.confidence, resamples: stats.bootstrap.resamples)
        mcNemar = McNemar(baselineOnlyCorrect: stats.mcNemar.baselineOnlyCorrect, candidateOnlyCorrect: stats.mcNemar.candidateOnlyCorrect,
                          exactPValue: stats.mcNemar.exactPValue, chiSquare: stats.mcNemar.chiSquare, chiSquarePValue: stats.mcNemar.chiSquarePValue)
        significant = stats.isSignificant(at: Self.alpha)
    }
}
