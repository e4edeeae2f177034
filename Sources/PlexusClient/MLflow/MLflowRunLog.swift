/// Everything to log as one MLflow run, for ``MLflowLogger/log(_:)``.
public struct MLflowRunLog: Sendable, Hashable {
    /// The experiment's name; it is created when missing.
    public var experimentName: String
    /// The run's display name.
    public var runName: String
    /// Params by key (values over 6000 characters are split, see ``MLflowBatchPlan``).
    public var params: [String: String]
    /// Metric values, each with a key and a step.
    public var metrics: [MLflowMetric]
    /// Tags by key, set when the run is created.
    public var tags: [String: String]
    /// Files to store with the run.
    public var artifacts: [MLflowArtifact]

    /// A run log; only the names are required.
    public init(
        experimentName: String, runName: String, params: [String: String] = [:], metrics: [MLflowMetric] = [],
        tags: [String: String] = [:], artifacts: [MLflowArtifact] = []
    ) {
        self.experimentName = experimentName
        self.runName = runName
        self.params = params
        self.metrics = metrics
        self.tags = tags
        self.artifacts = artifacts
    }
}
