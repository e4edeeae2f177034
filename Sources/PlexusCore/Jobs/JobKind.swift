/// What a background job does.
public enum JobKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Scores stored items with a stored scorecard version and stores the results.
    case scoring
    /// Scores labelled items and records one evaluation per score, with live metrics.
    case evaluation
}
