/// Running totals of a scoring run, reported after every stored batch and at the end.
public struct ScoringProgress: Sendable, Hashable {
    /// How many items the run will handle in all, when known up front (an evaluation's sample).
    public var itemsExpected: Int?
    /// Rows read from the input, good or bad.
    public var rowsRead = 0
    /// Items scored in this run.
    public var itemsScored = 0
    /// Items skipped because an earlier run already scored them.
    public var itemsResumed = 0
    /// Rows that could not be read (each was reported).
    public var badRows = 0
    /// Score results stored (SKIPPED included).
    public var resultsStored = 0
    /// Results that were SKIPPED because a dependency's condition was not met.
    public var resultsSkipped = 0
    /// Classifier failures (nothing stored for them).
    public var failures = 0
    /// Tokens and money spent.
    public var usage = Usage()
    /// Seconds since the run started.
    public var elapsed: Double = 0

    /// Creates empty totals.
    public init() {}

    /// Items handled per second so far.
    public var itemsPerSecond: Double { elapsed > 0 ? Double(itemsScored) / elapsed : 0 }

    mutating func add(_ outcome: ItemOutcome) {
        itemsScored += 1
        for score in outcome.scores {
            switch score.result {
            case .success(let classification):
                resultsStored += 1
                if classification.isSkipped { resultsSkipped += 1 }
                usage = usage + classification.usage
            case .failure:
                failures += 1
            }
        }
    }
}
