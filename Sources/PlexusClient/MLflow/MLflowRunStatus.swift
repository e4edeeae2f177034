/// A run's lifecycle state as MLflow names it.
public enum MLflowRunStatus: String, Sendable, Hashable, Codable {
    /// Still being logged to.
    case running = "RUNNING"
    /// Finished normally.
    case finished = "FINISHED"
    /// Ended by an error.
    case failed = "FAILED"
    /// Ended on purpose before finishing.
    case killed = "KILLED"
    /// Created but not started.
    case scheduled = "SCHEDULED"
}
