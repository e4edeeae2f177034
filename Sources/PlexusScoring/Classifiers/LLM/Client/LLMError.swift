/// Why a chat-completions call failed, with a message naming the endpoint and what to do.
public indirect enum LLMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider answered 429; `retryAfter` is its Retry-After header, when given.
    case rateLimited(retryAfter: Duration?)
    /// The provider answered 5xx.
    case serverError(status: Int, body: String)
    /// A 4xx other than 429: the request itself is wrong (bad key, unknown model, ...); not retried.
    case rejected(status: Int, body: String)
    /// No answer within the configured timeout.
    case timedOut(after: Duration)
    /// The connection failed.
    case transport(String)
    /// The body is not chat-completions JSON.
    case malformedResponse(reason: String, bodyPrefix: String)
    /// Retries ran out; `last` is the final attempt's error.
    case retriesExhausted(attempts: Int, url: String, last: LLMError)
    /// No LLM client is configured for a classifier that needs one.
    case notConfigured

    /// Whether a later attempt may succeed.
    var isTransient: Bool {
        switch self {
        case .rateLimited, .serverError, .timedOut, .transport: true
        default: false
        }
    }

    /// Whether the call gave up after retrying transient failures (rather than being refused outright).
    var isExhaustedRetries: Bool {
        if case .retriesExhausted(_, _, let last) = self { return last.isTransient }
        return false
    }

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .rateLimited(let wait):
            "The LLM provider is rate limiting (HTTP 429\(wait.map { ", Retry-After \($0)" } ?? "")); lower max concurrency or requests per minute."
        case .serverError(let status, let body):
            "The LLM provider failed with HTTP \(status): \(body.prefix(200))"
        case .rejected(let status, let body):
            "The LLM provider rejected the request with HTTP \(status): \(body.prefix(300)). Check the API key, model name and base URL."
        case .timedOut(let after):
            "The LLM provider did not answer within \(after); raise the timeout (PLEXUS_LLM_TIMEOUT_SECONDS) or check the endpoint."
        case .transport(let detail):
            "Could not reach the LLM provider: \(detail). Check the base URL (PLEXUS_LLM_BASE_URL)."
        case .malformedResponse(let reason, let prefix):
            "The LLM provider's response is not chat-completions JSON (\(reason)); it began: \(prefix)"
        case .retriesExhausted(let attempts, let url, let last):
            "Gave up on \(url) after \(attempts) attempts. Last error: \(last)"
        case .notConfigured:
            "This scorecard uses an `llm` classifier but no LLM is configured; set PLEXUS_LLM_BASE_URL and PLEXUS_LLM_API_KEY (or pass --llm-base-url)."
        }
    }
}
