import PlexusScoring

/// How the server's job runner works; every field has a documented default.
public struct JobRunnerSettings: Sendable {
    /// How long an idle runner waits before looking for a queued job again. Default 1 s.
    public var pollInterval: Duration
    /// Items scored at the same time within one job. Default 8.
    public var concurrency: Int
    /// Items whose results are stored (and progress reported) together. Default 100.
    public var batchSize: Int
    /// The classifier types jobs can build. Default ``ClassifierRegistry/standard``.
    public var registry: ClassifierRegistry
    /// The provider `llm` classifiers call; one client is shared by every job the runner runs.
    public var llm: LLMConfiguration

    /// Creates settings; every argument has a default.
    public init(
        pollInterval: Duration = .seconds(1), concurrency: Int = 8, batchSize: Int = 100, registry: ClassifierRegistry = .standard,
        llm: LLMConfiguration = LLMConfiguration()
    ) {
        self.pollInterval = pollInterval
        self.concurrency = concurrency
        self.batchSize = batchSize
        self.registry = registry
        self.llm = llm
    }
}
