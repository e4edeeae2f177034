/// Tokens and cost spent producing a classification; all zero for classifiers that call no model.
public struct Usage: Sendable, Hashable, Codable {
    /// Prompt tokens sent.
    public var promptTokens: Int
    /// Completion tokens received.
    public var completionTokens: Int
    /// Cost in US dollars, from the configured price table.
    public var cost: Double
    /// Model calls made (cache hits are not calls).
    public var calls: Int
    /// Calls answered from the response cache.
    public var cachedCalls: Int

    /// Creates a usage record; all zero by default.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, cost: Double = 0, calls: Int = 0, cachedCalls: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cost = cost
        self.calls = calls
        self.cachedCalls = cachedCalls
    }

    /// The sum of two usages.
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            promptTokens: lhs.promptTokens + rhs.promptTokens, completionTokens: lhs.completionTokens + rhs.completionTokens,
            cost: lhs.cost + rhs.cost, calls: lhs.calls + rhs.calls, cachedCalls: lhs.cachedCalls + rhs.cachedCalls
        )
    }
}
