/// Why the scores of a scorecard cannot be put in dependency order.
public enum ScoreGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two scores share `key`.
    case duplicateKey(String)
    /// `score` depends on `dependsOn`, which is not a score of the scorecard.
    case unknownDependency(score: String, dependsOn: String)
    /// The scores depend on each other in a circle, e.g. `["a", "b", "a"]`.
    case cycle([String])

    /// A message naming the offending scores.
    public var description: String {
        switch self {
        case .duplicateKey(let key):
            "Score key '\(key)' is used twice; keys must be unique within a scorecard."
        case .unknownDependency(let score, let dependsOn):
            "Score '\(score)' depends on '\(dependsOn)', which is not a score of this scorecard."
        case .cycle(let keys):
            "Dependency cycle \(keys.joined(separator: " -> ")); remove one of these dependencies."
        }
    }
}
