import PlexusMonitoring
import PlexusModels
import PlexusScoring

/// How the server's job runner works; every field has a documented default.
public struct JobRunnerSettings: Sendable {
    /// How long an idle runner waits before looking for a queued job again. Default 1 s.
    public var pollInterval: Duration
    /// How long a running job stays claimed without a heartbeat from its runner; after that, any
    /// runner puts it back in the queue (its runner is taken to have died). Default 60 s.
    public var lease: Duration
    /// Items scored at the same time within one job. Default 8.
    public var concurrency: Int
    /// Items whose results are stored (and progress reported) together. Default 100.
    public var batchSize: Int
    /// The classifier types jobs can build. Default ``ClassifierRegistry/withModels`` (the standard ones and `onnx`).
    public var registry: ClassifierRegistry
    /// The provider `llm` classifiers call; one client is shared by every job the runner runs.
    public var llm: LLMConfiguration
    /// The sources monitor jobs read. Default ``MonitorSourceRegistry/withModels`` (the standard ones and `explanation`).
    public var monitorSources: MonitorSourceRegistry

    /// Creates settings; every argument has a default.
    public init(
        pollInterval: Duration = .seconds(1), lease: Duration = .seconds(60), concurrency: Int = 8, batchSize: Int = 100, registry: ClassifierRegistry = .withModels,
        llm: LLMConfiguration = LLMConfiguration(), monitorSources: MonitorSourceRegistry = .withModels
    ) {
        self.pollInterval = pollInterval
        self.lease = lease
        self.concurrency = concurrency
        self.batchSize = batchSize
        self.registry = registry
        self.llm = llm
        self.monitorSources = monitorSources
    }
}
