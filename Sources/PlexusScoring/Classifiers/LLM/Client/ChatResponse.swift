import Foundation

/// One alternative token with its natural-log probability.
public struct TokenLogprob: Sendable, Hashable, Codable {
    /// The token text.
    public var token: String
    /// Natural log of its probability.
    public var logprob: Double

    /// Creates an alternative.
    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }
}

/// What the model answered, as the client keeps it (and the cache stores it).
public struct ChatResponse: Sendable, Hashable, Codable {
    /// The assistant message text.
    public var content: String
    /// Prompt tokens the provider counted.
    public var promptTokens: Int
    /// Completion tokens the provider counted.
    public var completionTokens: Int
    /// The first answer token and its alternatives, when log-probabilities were requested and returned.
    public var firstToken: TokenLogprob?
    /// The first token's top alternatives (the chosen token included), when returned.
    public var firstTokenAlternatives: [TokenLogprob]

    /// Creates a response.
    public init(content: String, promptTokens: Int = 0, completionTokens: Int = 0, firstToken: TokenLogprob? = nil, firstTokenAlternatives: [TokenLogprob] = []) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.firstToken = firstToken
        self.firstTokenAlternatives = firstTokenAlternatives
    }

    /// Decodes a chat-completions response body, or explains what is wrong with it.
    static func decode(wire data: Data) throws(LLMError) -> ChatResponse {
        let wire: WireResponse
        do {
            wire = try JSONDecoder().decode(WireResponse.self, from: data)
        } catch {
            throw .malformedResponse(reason: "\(error)", bodyPrefix: String(decoding: data.prefix(200), as: UTF8.self))
        }
        guard let choice = wire.choices.first else {
            throw .malformedResponse(reason: "the response has no choices", bodyPrefix: String(decoding: data.prefix(200), as: UTF8.self))
        }
        let first = choice.logprobs?.content?.first
        return ChatResponse(
            content: choice.message.content ?? "", promptTokens: wire.usage?.promptTokens ?? 0,
            completionTokens: wire.usage?.completionTokens ?? 0,
            firstToken: first.map { TokenLogprob(token: $0.token, logprob: $0.logprob) },
            firstTokenAlternatives: first?.topLogprobs ?? []
        )
    }
}

/// The parts of the OpenAI response the client reads.
private struct WireResponse: Decodable {
    struct Message: Decodable { var content: String? }
    struct Content: Decodable {
        var token: String
        var logprob: Double
        var topLogprobs: [TokenLogprob]?
        enum CodingKeys: String, CodingKey {
            case token, logprob
            case topLogprobs = "top_logprobs"
        }
    }
    struct Logprobs: Decodable { var content: [Content]? }
    struct Choice: Decodable {
        var message: Message
        var logprobs: Logprobs?
    }
    struct WireUsage: Decodable {
        var promptTokens: Int
        var completionTokens: Int
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }
    var choices: [Choice]
    var usage: WireUsage?
}
