/// Why a score is SKIPPED for an item instead of being classified (see ``ScoreDefinition/skipReason(given:)``).
public enum SkipReason: Sendable, Hashable, CustomStringConvertible {
    /// The dependency `score` took `value`, which is not one of the `when` values.
    case conditionNotMet(score: String, value: String, when: [String])
    /// The dependency `score` was itself SKIPPED.
    case dependencySkipped(score: String)
    /// The dependency `score` has no result for the item, for example because its classifier failed.
    case dependencyMissing(score: String)

    /// The key of the dependency that caused the skip.
    public var dependency: String {
        switch self {
        case .conditionNotMet(let score, _, _), .dependencySkipped(let score), .dependencyMissing(let score): score
        }
    }

    /// A sentence for the skipped result's explanation.
    public var description: String {
        switch self {
        case .conditionNotMet(let score, let value, let when):
            "Skipped: '\(score)' is '\(value)', not \(when.map { "'\($0)'" }.joined(separator: " or "))."
        case .dependencySkipped(let score):
            "Skipped: '\(score)' was skipped."
        case .dependencyMissing(let score):
            "Skipped: '\(score)' has no result."
        }
    }
}
