/// A finished call: the model's response and what it cost.
public struct ChatCompletion: Sendable, Hashable {
    /// The response (possibly from the cache).
    public var response: ChatResponse
    /// Tokens and cost of this call; a cache hit records one cached call and costs nothing.
    public var usage: Usage
    /// The model asked.
    public var model: String

    /// Creates a completion.
    public init(response: ChatResponse, usage: Usage, model: String) {
        self.response = response
        self.usage = usage
        self.model = model
    }

    /// Whether the response came from the cache.
    public var isCached: Bool { usage.cachedCalls > 0 }
}
