/// How a request that failed for a transient reason (no connection, 408, 429, 5xx) is tried again:
/// exponential backoff with jitter, so many clients recovering at once do not retry in step.
public struct RetryPolicy: Sendable, Hashable {
    /// How many times a request is sent in all, the first try included. Default 5; 1 turns retries off.
    public var maxAttempts: Int
    /// The wait before the first retry; each later wait doubles. Default 0.2 s.
    public var initialDelay: Duration
    /// The longest wait between two attempts. Default 10 s.
    public var maxDelay: Duration

    /// Creates a policy; every argument has a default.
    public init(maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10)) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// The wait before attempt number `attempt` (2 for the first retry): half of the exponential
    /// delay fixed and the other half random ("equal jitter"), so waits still grow but spread out.
    public func delay(beforeAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let doublings = min(max(attempt - 2, 0), 30)
        let exponential = min(initialDelay * (1 << doublings), maxDelay)
        let half = exponential / 2
        return half + half * Double.random(in: 0...1, using: &random)
    }

    /// Checks the ranges, naming the offending setting.
    func validate() throws(PlexusClientError) {
        guard maxAttempts >= 1 else {
            throw .invalid(field: "retry.maxAttempts", message: "maxAttempts must be at least 1 (1 means no retries); got \(maxAttempts).")
        }
        guard initialDelay >= .zero, maxDelay >= initialDelay else {
            throw .invalid(field: "retry.maxDelay", message: "Delays must be ≥ 0 with maxDelay ≥ initialDelay; got \(initialDelay) and \(maxDelay).")
        }
    }
}
