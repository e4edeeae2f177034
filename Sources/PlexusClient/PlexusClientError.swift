/// Why a call of ``PlexusClient`` failed. Every description names the offending value and says
/// what to do about it.
public enum PlexusClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status; `field` is the path of the offending field,
    /// such as `scoreResults[3].confidence`, when the server names one.
    case api(status: Int, code: String, message: String, field: String?)
    /// The resource asked for does not exist in the API key's account.
    case notFound(resource: String, id: String)
    /// No connection to the server could be made: nothing listens at `url` or its host does not
    /// resolve. (A connection not accepted within the connect timeout is a ``transport(url:message:)``
    /// failure, retried like one.)
    case serverUnreachable(url: String, reason: String)
    /// The connection broke, or timed out, before a full answer arrived.
    case transport(url: String, message: String)
    /// The server's answer could not be read as the expected type.
    case decoding(type: String, message: String)
    /// A value given to the client is invalid; nothing was sent.
    case invalid(field: String, message: String)
    /// A call needs something that neither its arguments nor the ``ClientContext`` provide.
    case missingContext(String)
    /// A call needs a score, none was given, and the scorecard has several to choose from.
    case scoreNotChosen(scorecard: String, scores: [String])
    /// The score key given is not one of the scorecard's scores.
    case unknownScore(key: String, scorecard: String, scores: [String])
    /// The client was shut down; create a new one to keep working.
    case shutDown
    /// A server-side job the call waited for ended FAILED; `message` is the job's error.
    case jobFailed(id: String, message: String)

    /// A message that says what went wrong and what to do.
    public var description: String {
        switch self {
        case let .api(status, code, message, field):
            let location = field.map { " at \($0)" } ?? ""
            return "The Plexus server rejected the request with HTTP \(status) (\(code))\(location): \(message)"
        case let .notFound(resource, id):
            let scope = resource == "account" ? " (a key sees only its own account; admin keys see every account)" : ""
            return "No \(resource) '\(id)' is visible to this API key\(scope); check the ID or key, or create it first."
        case let .serverUnreachable(url, reason):
            return "Could not connect to the Plexus server at \(url): \(reason). Is `plexus serve` running there? Check the URL and port."
        case let .transport(url, message):
            return "Could not reach the Plexus server at \(url): \(message). Check that the server is running and that the base URL and port are right."
        case let .decoding(type, message):
            return "The server's answer could not be read as \(type): \(message). Check that the client and server versions match."
        case let .invalid(field, message):
            return "\(field): \(message)"
        case let .missingContext(message):
            return message
        case let .scoreNotChosen(scorecard, scores):
            return "Scorecard '\(scorecard)' has \(scores.count) scores (\(scores.joined(separator: ", "))); pass scoreKey, or set ClientContext.scoreKey, to choose one."
        case let .unknownScore(key, scorecard, scores):
            return "Scorecard '\(scorecard)' has no score '\(key)'; its scores are \(scores.joined(separator: ", "))."
        case .shutDown:
            return "The Plexus client has been shut down; create a new client to send more requests."
        case let .jobFailed(id, message):
            return "Job \(id) failed: \(message) (GET /api/v1/jobs/\(id) shows it)."
        }
    }

    /// The field the error is about, when it names one.
    public var field: String? {
        switch self {
        case .api(_, _, _, let field): return field
        case .invalid(let field, _): return field
        default: return nil
        }
    }

    /// Whether the same request may succeed if sent again: transport failures, 408, 429 and 5xx.
    public var isTransient: Bool {
        switch self {
        case .transport, .serverUnreachable: return true
        case .api(let status, _, _, _): return status == 408 || status == 429 || status >= 500
        default: return false
        }
    }
}
