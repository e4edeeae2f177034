/// An MLflow experiment, as `experiments/get-by-name` describes it.
public struct MLflowExperiment: Sendable, Hashable, Decodable {
    /// The server-assigned ID, e.g. `"1"`.
    public var experimentID: String
    /// The unique name.
    public var name: String
    /// Where the experiment's runs store artifacts, e.g. `mlflow-artifacts:/1`.
    public var artifactLocation: String?

    enum CodingKeys: String, CodingKey {
        case experimentID = "experiment_id", name, artifactLocation = "artifact_location"
    }
}
