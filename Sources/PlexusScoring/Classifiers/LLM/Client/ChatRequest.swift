/// One chat-completions request before the configuration's defaults are applied.
public struct ChatRequest: Sendable, Hashable {
    /// The model; `nil` uses the configuration's model.
    public var model: String?
    /// The conversation.
    public var messages: [ChatMessage]

    /// Creates a request.
    public init(model: String? = nil, messages: [ChatMessage]) {
        self.model = model
        self.messages = messages
    }
}

/// The JSON body posted to `/chat/completions`, in the OpenAI wire format (snake_case keys).
struct ChatRequestBody: Sendable, Hashable, Codable {
    var model: String
    var messages: [ChatMessage]
    var temperature: Double
    var seed: Int?
    var maxTokens: Int
    var logprobs: Bool?
    var topLogprobs: Int?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed, logprobs
        case maxTokens = "max_tokens"
        case topLogprobs = "top_logprobs"
    }

    /// The body for `request` under `configuration`: temperature 0, seed and log-probabilities as configured.
    init(_ request: ChatRequest, configuration: LLMConfiguration) {
        model = request.model ?? configuration.model
        messages = request.messages
        temperature = 0
        seed = configuration.sendSeed ? configuration.seed : nil
        maxTokens = configuration.maxTokens
        logprobs = configuration.logprobs ? true : nil
        topLogprobs = configuration.logprobs ? configuration.topLogprobs : nil
    }
}
