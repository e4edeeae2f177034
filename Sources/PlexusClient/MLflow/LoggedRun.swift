/// What ``MLflowLogger/log(_:)`` created.
public struct LoggedRun: Sendable, Hashable {
    /// The experiment's ID.
    public var experimentID: String
    /// The run's ID.
    public var runID: String
    /// Whether the artifacts were uploaded as files; `false` means they were stored as
    /// `plexus.artifact.<path>` tags because the server cannot take artifacts over HTTP.
    public var artifactsUploaded: Bool
    /// The run's page in the MLflow UI.
    public var url: String
    /// What was split, truncated or stored differently to fit MLflow, one sentence each.
    public var notes: [String]
}
