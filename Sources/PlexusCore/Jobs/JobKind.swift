/// What a background job does.
public enum JobKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Scores stored items with a stored scorecard version and stores the results.
    case scoring
    /// Scores labelled items and records one evaluation per score, with live metrics.
    case evaluation
    /// Runs one monitor for one time its schedule came due; queued by the scheduler, never by a client.
    case monitor
    /// Explains more rows of a model than one request answers at once and stores the
    /// explanation; queued by `POST /api/v1/models/{model_id}/explain`, never by a client.
    case explanation

    /// The kinds a client may create with `POST /api/v1/jobs`.
    public static let submittable: [JobKind] = [.scoring, .evaluation]
}
