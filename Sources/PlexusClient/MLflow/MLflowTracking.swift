import Foundation

/// Where `plexus train` and `plexus evaluate` log to MLflow.
public enum MLflowTracking {
    /// The tracking URI: `flag` (`--mlflow`), else `MLFLOW_TRACKING_URI`, else none (no logging).
    public static func uri(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        [flag, environment["MLFLOW_TRACKING_URI"]].compactMap { $0 }.first { !$0.isEmpty }
    }
}
