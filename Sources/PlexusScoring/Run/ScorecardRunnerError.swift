/// Why a scorecard cannot be run.
public enum ScorecardRunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--score` named a score the scorecard does not have.
    case unknownScore(String, known: [String])
    /// A score names a classifier type that is not registered.
    case unknownClassifierType(score: String, type: String, known: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .unknownScore(let key, let known):
            "The scorecard has no score '\(key)'; its scores are \(known.joined(separator: ", "))."
        case .unknownClassifierType(let score, let type, let known):
            "Score '\(score)' uses classifier type '\(type)', which is not one of \(known.joined(separator: ", ")); run `plexus scorecard validate`."
        }
    }
}
