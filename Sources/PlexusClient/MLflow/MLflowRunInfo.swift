/// A run's identity and lifecycle, the `info` half of an MLflow run.
public struct MLflowRunInfo: Sendable, Hashable, Decodable {
    /// The run's ID (32 hex digits).
    public var runID: String
    /// The experiment the run belongs to.
    public var experimentID: String
    /// The display name.
    public var runName: String?
    /// The lifecycle state.
    public var status: MLflowRunStatus
    /// Start time in milliseconds since 1970.
    public var startTime: Int64?
    /// End time in milliseconds since 1970, once ended.
    public var endTime: Int64?
    /// The root of the run's artifacts, e.g. `mlflow-artifacts:/1/<run>/artifacts`.
    public var artifactURI: String

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", experimentID = "experiment_id", runName = "run_name", status
        case startTime = "start_time", endTime = "end_time", artifactURI = "artifact_uri"
    }
}
