/// How Plexus reaches an OpenAI-compatible chat-completions endpoint; every field has a documented default.
///
/// One configuration describes one provider: its concurrency and rate limits apply to all
/// classifiers sharing the ``ChatCompletionsClient`` built from it.
public struct LLMConfiguration: Sendable, Hashable {
    /// The API root; requests go to `{baseURL}/chat/completions`. Default `https://api.openai.com/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer <key>`; `nil` sends no header (local servers). Default `nil`.
    public var apiKey: String?
    /// The model used when a classifier names none. Default `gpt-4o-mini`.
    public var model: String
    /// Prices per model for cost accounting. Default ``ModelPrice/defaultTable``.
    public var prices: [String: ModelPrice]
    /// Most requests in flight at once to this provider. Default 16.
    public var maxConcurrency: Int
    /// Most requests started per minute; `nil` means no limit. Default `nil`.
    public var requestsPerMinute: Int?
    /// How long one attempt may take before it counts as timed out (and is retried). Default 60 s.
    public var timeout: Duration
    /// Retries after the first attempt for 429, 5xx, timeouts and connection errors. Default 4.
    public var maxRetries: Int
    /// Retries after a response that is not valid chat-completions JSON. Default 1.
    public var maxMalformedRetries: Int
    /// The wait before the first retry; each later one doubles (with jitter). Default 0.5 s.
    public var initialBackoff: Duration
    /// The longest wait between attempts, also the cap on a server's Retry-After. Default 30 s.
    public var maxBackoff: Duration
    /// Where responses are cached on disk, one file per request; `nil` caches in memory only. Default `nil`.
    public var cacheDirectory: String?
    /// Whether requests carry `seed` (some providers reject it). Default `true`.
    public var sendSeed: Bool
    /// The seed sent when ``sendSeed`` is on. Default 0.
    public var seed: Int
    /// Whether to ask for token log-probabilities (used for confidence). Default `false`.
    public var logprobs: Bool
    /// How many alternatives per token when ``logprobs`` is on. Default 5.
    public var topLogprobs: Int
    /// The completion length limit sent as `max_tokens`. Default 256.
    public var maxTokens: Int

    /// Creates a configuration; every argument has a default.
    public init(
        baseURL: String = "https://api.openai.com/v1", apiKey: String? = nil, model: String = "gpt-4o-mini",
        prices: [String: ModelPrice] = ModelPrice.defaultTable, maxConcurrency: Int = 16, requestsPerMinute: Int? = nil,
        timeout: Duration = .seconds(60), maxRetries: Int = 4, maxMalformedRetries: Int = 1,
        initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30), cacheDirectory: String? = nil,
        sendSeed: Bool = true, seed: Int = 0, logprobs: Bool = false, topLogprobs: Int = 5, maxTokens: Int = 256
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.prices = prices
        self.maxConcurrency = maxConcurrency
        self.requestsPerMinute = requestsPerMinute
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.maxMalformedRetries = maxMalformedRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.cacheDirectory = cacheDirectory
        self.sendSeed = sendSeed
        self.seed = seed
        self.logprobs = logprobs
        self.topLogprobs = topLogprobs
        self.maxTokens = maxTokens
    }

    /// The URL chat-completions requests are posted to.
    public var completionsURL: String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/chat/completions"
    }
}
