/// A job's running totals, updated as batches of results are stored.
public struct JobProgress: Sendable, Codable, Hashable {
    /// Items to score in all, when known (evaluation jobs know it up front).
    public var totalItems: Int?
    /// Items scored by this run of the job.
    public var itemsScored: Int
    /// Items skipped because they were already scored (by an earlier, interrupted run or another job).
    public var itemsResumed: Int
    /// Score results stored, SKIPPED ones included.
    public var resultsStored: Int
    /// Results that were SKIPPED because a dependency's condition was not met.
    public var resultsSkipped: Int
    /// Classifier failures (nothing is stored for them; a later job retries them).
    public var failures: Int
    /// Money spent on LLM calls, in US dollars.
    public var cost: Double

    /// Creates totals; every count defaults to zero.
    public init(
        totalItems: Int? = nil, itemsScored: Int = 0, itemsResumed: Int = 0, resultsStored: Int = 0, resultsSkipped: Int = 0,
        failures: Int = 0, cost: Double = 0
    ) {
        self.totalItems = totalItems
        self.itemsScored = itemsScored
        self.itemsResumed = itemsResumed
        self.resultsStored = resultsStored
        self.resultsSkipped = resultsSkipped
        self.failures = failures
        self.cost = cost
    }
}
