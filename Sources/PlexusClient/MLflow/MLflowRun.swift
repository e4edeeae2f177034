/// What a run holds: its info plus the latest value of each metric, its params and its tags.
public struct MLflowRun: Sendable, Hashable {
    /// Identity and lifecycle.
    public var info: MLflowRunInfo
    /// The latest value of each metric, by key.
    public var metrics: [String: MLflowMetric]
    /// Params by key.
    public var params: [String: String]
    /// Tags by key, including MLflow's own `mlflow.*` tags.
    public var tags: [String: String]
}
