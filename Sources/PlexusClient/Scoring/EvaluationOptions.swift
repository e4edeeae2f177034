/// How `plexus evaluate` picks its items and runs.
public struct EvaluationOptions: Sendable {
    /// The scores evaluated (and run, with what they depend on); every score when `nil`.
    public var scores: [String]?
    /// A labelled input file to evaluate on instead of the labels stored on the server.
    public var inputFile: String?
    /// Evaluate a random sample of this many labelled items; all when `nil`.
    public var sample: Int?
    /// Seeds the sample, so the same seed picks the same items.
    public var seed: UInt64
    /// Items scored at the same time.
    public var concurrency: Int

    /// Creates options; by default every score on every stored label, seed 42, 8 at a time.
    public init(scores: [String]? = nil, inputFile: String? = nil, sample: Int? = nil, seed: UInt64 = 42, concurrency: Int = 8) {
        self.scores = scores
        self.inputFile = inputFile
        self.sample = sample
        self.seed = seed
        self.concurrency = concurrency
    }
}
