/// What one model costs, in US dollars per million tokens.
public struct ModelPrice: Sendable, Hashable, Codable {
    /// Dollars per 1M prompt (input) tokens.
    public var promptPerMillion: Double
    /// Dollars per 1M completion (output) tokens.
    public var completionPerMillion: Double

    /// Creates a price.
    public init(promptPerMillion: Double, completionPerMillion: Double) {
        self.promptPerMillion = promptPerMillion
        self.completionPerMillion = completionPerMillion
    }

    /// The cost of a call that used these token counts.
    public func cost(promptTokens: Int, completionTokens: Int) -> Double {
        (Double(promptTokens) * promptPerMillion + Double(completionTokens) * completionPerMillion) / 1_000_000
    }

    /// List prices of common OpenAI models, used when the configuration names no table.
    /// Models missing from the table cost 0 (their usage tokens are still recorded).
    public static let defaultTable: [String: ModelPrice] = [
        "gpt-4o-mini": ModelPrice(promptPerMillion: 0.15, completionPerMillion: 0.60),
        "gpt-4o": ModelPrice(promptPerMillion: 2.50, completionPerMillion: 10.00),
        "gpt-4.1-mini": ModelPrice(promptPerMillion: 0.40, completionPerMillion: 1.60),
        "gpt-4.1": ModelPrice(promptPerMillion: 2.00, completionPerMillion: 8.00),
    ]
}
