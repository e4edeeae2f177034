/// The parts of a chat-completions request the fake reads.
struct FakeChatRequest: Decodable {
    struct Message: Decodable {
        var role: String
        var content: String?
    }
    var model: String
    var messages: [Message]
    var logprobs: Bool?
    var topLogprobs: Int?

    enum CodingKeys: String, CodingKey {
        case model, messages, logprobs
        case topLogprobs = "top_logprobs"
    }
}

/// A chat-completions response in the OpenAI wire format.
struct FakeChatResponse: Encodable {
    struct Message: Encodable {
        var role = "assistant"
        var content: String
    }
    struct Alternative: Encodable {
        var token: String
        var logprob: Double
    }
    struct TokenInfo: Encodable {
        var token: String
        var logprob: Double
        var topLogprobs: [Alternative]
        enum CodingKeys: String, CodingKey {
            case token, logprob
            case topLogprobs = "top_logprobs"
        }
    }
    struct Logprobs: Encodable { var content: [TokenInfo] }
    struct Choice: Encodable {
        var index = 0
        var message: Message
        var logprobs: Logprobs?
        var finishReason = "stop"
        enum CodingKeys: String, CodingKey {
            case index, message, logprobs
            case finishReason = "finish_reason"
        }
    }
    struct Usage: Encodable {
        var promptTokens: Int
        var completionTokens: Int
        var totalTokens: Int
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }
    var id = "chatcmpl-fake"
    var object = "chat.completion"
    var model: String
    var choices: [Choice]
    var usage: Usage
}
