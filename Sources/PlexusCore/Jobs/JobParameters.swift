import Foundation

/// What a job runs on, as checked when it was created and stored with it.
public struct JobParameters: Sendable, Codable, Hashable {
    /// Scoring and evaluation jobs: the scorecard's key.
    public var scorecard: String?
    /// Scoring and evaluation jobs: the scorecard version run; fixed when the job is created (the
    /// newest then, unless one was asked for).
    public var version: Int?
    /// The scores run (their dependencies run too); every score when `nil`.
    public var scores: [String]?
    /// Scoring jobs: the items scored.
    public var items: JobItemSelection?
    /// Evaluation jobs: how many labelled items to draw at random; all when `nil`.
    public var sample: Int?
    /// Evaluation jobs: the seed of the random draw.
    public var seed: UInt64?
    /// Monitor jobs: the monitor run.
    public var monitorId: String?
    /// Monitor jobs: the time the monitor's schedule came due, which ends the window the run checks.
    public var dueAt: Date?
    /// Explanation jobs: the model version explained (its ID). The request is the job's input
    /// document, kept beside the job, and the explanation is stored under the job's ID.
    public var modelId: String?

    /// Creates the parameters of a scoring or evaluation job.
    public init(scorecard: String, version: Int, scores: [String]? = nil, items: JobItemSelection? = nil, sample: Int? = nil, seed: UInt64? = nil) {
        self.scorecard = scorecard
        self.version = version
        self.scores = scores
        self.items = items
        self.sample = sample
        self.seed = seed
    }

    /// Creates the parameters of a monitor job: `monitorId` run for the time `dueAt`.
    public init(monitorId: String, dueAt: Date) {
        self.monitorId = monitorId
        self.dueAt = dueAt
    }

    /// Creates the parameters of an explanation job of the model version `modelId`.
    public init(modelId: String) {
        self.modelId = modelId
    }

    /// What the job runs on, in a few words: `call-qa v3`, or `monitor m_1 due 2026-12-07T10:05:00Z`.
    public var summary: String {
        if let monitorId {
            return "monitor \(monitorId)" + (dueAt.map { " due \($0.formatted(.iso8601))" } ?? "")
        }
        if let modelId {
            return "model \(modelId) explanation"
        }
        return "\(scorecard ?? "-") v\(version.map(String.init) ?? "-")"
    }
}
