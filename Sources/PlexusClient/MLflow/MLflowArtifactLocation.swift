/// Where a run's artifacts live inside an MLflow server's artifact proxy: the part of an
/// `mlflow-artifacts:` URI after the scheme (and optional host), such as `1/<run>/artifacts`.
/// Other artifact URIs (local paths, `s3://`, …) are written by clients directly, not over HTTP.
struct MLflowArtifactLocation: Sendable, Hashable {
    /// The path under `/api/2.0/mlflow-artifacts/artifacts/`, without leading or trailing slashes.
    var rootPath: String

    /// Reads `artifactURI`; `nil` when it is not an `mlflow-artifacts:` URI.
    init?(artifactURI: String) {
        let scheme = "mlflow-artifacts:"
        guard artifactURI.hasPrefix(scheme) else { return nil }
        var rest = artifactURI.dropFirst(scheme.count)
        if rest.hasPrefix("//") {
            // `mlflow-artifacts://host:port/path`: the host is the tracking server itself.
            rest = rest.dropFirst(2).drop { $0 != "/" }
        }
        rootPath = rest.split(separator: "/").joined(separator: "/")
    }

    /// The proxy URL of the artifact at `path` (relative to the run's artifact root) on `baseURL`.
    func url(baseURL: String, path: String) -> String {
        let segments = (rootPath.split(separator: "/") + path.split(separator: "/")).map { URLEncoding.encode(String($0)) }
        return "\(baseURL)/api/2.0/mlflow-artifacts/artifacts/" + segments.joined(separator: "/")
    }
}
