import PlexusCore

/// `{"kind": "score", "scorecard": "call-qa", "score": "greeting"}`: the score's results recorded
/// in the window, one record each, with the columns
/// - `value` (categorical, `SKIPPED` included), `confidence`, `cost`, `latency` (numeric, when given);
/// - `skipped` (`true`/`false`), so `{statistic: share, category: "true"}` is the skip rate;
/// - `correct` (`true`/`false`, only for items with a human label), so the share of `true` is the
///   accuracy against labels.
public struct ScoreMonitorSource: MonitorSource {
    public static let kind = "score"
    public static let isTimed = true

    /// The scorecard's key or ID, and the score's key.
    public let scorecard: String, score: String

    public init(settings: [String: JSONValue]) throws {
        guard case let .string(scorecard)? = settings["scorecard"], !scorecard.isEmpty else {
            throw DomainError.invalid(field: "source.scorecard", message: "A score source names its scorecard (key or ID): {\"kind\": \"score\", \"scorecard\": \"call-qa\", \"score\": \"greeting\"}.")
        }
        guard case let .string(score)? = settings["score"], !score.isEmpty else {
            throw DomainError.invalid(field: "source.score", message: "A score source names the score's key: {\"kind\": \"score\", \"scorecard\": \"\(scorecard)\", \"score\": \"greeting\"}.")
        }
        if let extra = settings.keys.sorted().first(where: { $0 != "scorecard" && $0 != "score" }) {
            throw DomainError.invalid(field: "source.\(extra)", message: "A score source reads only scorecard and score; remove \(extra).")
        }
        self.scorecard = scorecard
        self.score = score
    }

    public func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample {
        guard let records = try await data.scoreResultRecords(scorecard: scorecard, score: score, accountID: accountID, window: window) else {
            throw DomainError.notFound(resource: "score", id: "\(scorecard)/\(score)", field: "source.score")
        }
        return MonitorSample(records: records)
    }
}
