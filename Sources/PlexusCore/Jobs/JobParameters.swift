/// What a job runs on, as checked when it was created and stored with it.
public struct JobParameters: Sendable, Codable, Hashable {
    /// The scorecard's key.
    public var scorecard: String
    /// The scorecard version run; fixed when the job is created (the newest then, unless one was asked for).
    public var version: Int
    /// The scores run (their dependencies run too); every score when `nil`.
    public var scores: [String]?
    /// Scoring jobs: the items scored.
    public var items: JobItemSelection?
    /// Evaluation jobs: how many labelled items to draw at random; all when `nil`.
    public var sample: Int?
    /// Evaluation jobs: the seed of the random draw.
    public var seed: UInt64?

    /// Creates parameters.
    public init(scorecard: String, version: Int, scores: [String]? = nil, items: JobItemSelection? = nil, sample: Int? = nil, seed: UInt64? = nil) {
        self.scorecard = scorecard
        self.version = version
        self.scores = scores
        self.items = items
        self.sample = sample
        self.seed = seed
    }
}
