/// One chat-completion call as monitoring sees it: who answered, how, and what it cost.
public struct LLMCall: Sendable, Hashable {
    /// How the call ended.
    public enum Outcome: String, Sendable, Hashable {
        /// Answered by the provider.
        case ok
        /// Answered from the response cache, with no request sent.
        case cached
        /// Refused for good (a 4xx other than 429, or a malformed answer).
        case rejected
        /// Gave up after the retries a rate limit, timeout or server error allows.
        case failed
    }

    /// The provider, as the host of its base URL (`api.openai.com`, `127.0.0.1`).
    public var provider: String
    /// The model asked for.
    public var model: String
    /// How the call ended.
    public var outcome: Outcome
    /// Prompt tokens the provider counted (0 for cached or failed calls).
    public var inputTokens: Int
    /// Completion tokens the provider counted.
    public var outputTokens: Int
    /// What the call cost in US dollars, from the price table.
    public var costUSD: Double
    /// From the first attempt to the answer, retries included.
    public var duration: Duration

    /// Creates a record.
    public init(provider: String, model: String, outcome: Outcome, inputTokens: Int = 0, outputTokens: Int = 0, costUSD: Double = 0, duration: Duration) {
        self.provider = provider
        self.model = model
        self.outcome = outcome
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.duration = duration
    }
}

/// Is told about every chat-completion call a ``ChatCompletionsClient`` makes, e.g. to count them
/// for `/metrics`. Called on the caller's task; must return quickly.
public protocol LLMCallObserver: Sendable {
    /// One call has ended.
    func llmCallEnded(_ call: LLMCall)
}
