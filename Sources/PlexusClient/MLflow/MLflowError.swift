/// Why a call to an MLflow tracking server failed. Every description names the offending value,
/// repeats what the server said (its `error_code` and message) and says what to do.
public enum MLflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The tracking URI is not an `http://` or `https://` URL with a host.
    case invalidTrackingURI(String)
    /// The server could not be reached, or the connection broke before a full answer arrived.
    case unreachable(url: String, message: String)
    /// The server answered `endpoint` with an error status; `errorCode` is MLflow's code, such as
    /// `RESOURCE_DOES_NOT_EXIST` or `INVALID_PARAMETER_VALUE` (or `HTTP_<status>` when it sent none).
    case server(endpoint: String, status: Int, errorCode: String, message: String)
    /// The server's answer to `endpoint` could not be read as MLflow's documented JSON.
    case unexpectedResponse(endpoint: String, message: String)
    /// The server cannot store artifacts over HTTP (it runs without `--serve-artifacts`, or the
    /// run's artifact URI is not an `mlflow-artifacts:` URI); store small artifacts as tags instead.
    case artifactsUnsupported(artifactURI: String, reason: String)
    /// A value given to the client is invalid; nothing was sent.
    case invalid(field: String, message: String)

    /// A message that says what went wrong and what to do.
    public var description: String {
        switch self {
        case let .invalidTrackingURI(uri):
            return "'\(uri)' is not an MLflow tracking URI; pass the server's base URL, such as http://127.0.0.1:5000."
        case let .unreachable(url, message):
            return "Could not reach the MLflow server at \(url): \(message). Check that `mlflow server` is running and that the tracking URI's host and port are right."
        case let .server(endpoint, status, errorCode, message):
            return "MLflow rejected \(endpoint) with HTTP \(status) (\(errorCode)): \(message)"
        case let .unexpectedResponse(endpoint, message):
            return "MLflow's answer to \(endpoint) could not be read: \(message). Check that the tracking URI points at an MLflow server (2.x or 3.x)."
        case let .artifactsUnsupported(artifactURI, reason):
            return "The MLflow server cannot store artifacts at '\(artifactURI)' over HTTP: \(reason). Start it with `--serve-artifacts --artifacts-destination DIR`, or store small artifacts as tags."
        case let .invalid(field, message):
            return "\(field): \(message)"
        }
    }

    /// MLflow's error code when the server sent one, e.g. `RESOURCE_ALREADY_EXISTS`.
    public var errorCode: String? {
        if case .server(_, _, let code, _) = self { return code }
        return nil
    }
}
