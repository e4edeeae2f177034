/// Why an evaluation cannot start.
public enum EvaluationRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No labelled items were found for the scores.
    case noLabelledItems(scorecard: String, scores: [String])

    /// What to do about it.
    public var description: String {
        switch self {
        case .noLabelledItems(let scorecard, let scores):
            "No labelled items for \(scores.joined(separator: ", ")) of '\(scorecard)'; import labels with `plexus items import FILE --scorecard \(scorecard)` or pass --input with a labelled file."
        }
    }
}
