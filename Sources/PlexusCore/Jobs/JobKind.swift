/// What a background job does.
public enum JobKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Scores stored items with a stored scorecard version and stores the results.
    case scoring
    /// Scores labelled items and records one evaluation per score, with live metrics.
    case evaluation
    /// Runs one monitor for one time its schedule came due; queued by the scheduler, never by a client.
    case monitor

    /// The kinds a client may create with `POST /api/v1/jobs`.
    public static let submittable: [JobKind] = [.scoring, .evaluation]
}
