import Foundation
import PlexusCore

/// One call an agent made to a language model, normalised from whichever source sent it
/// (a Portkey export, an OpenTelemetry span, an OpenAI-style request/response pair), with the
/// source's record kept verbatim in ``original`` so nothing it sent is lost and it can be read
/// again later.
public struct LogEntry: Sendable, Equatable, Codable {
    /// The format it came in: `portkey`, `openai-jsonl`, `otlp`, ….
    public var source: String
    /// The source's ID for the call, when it has one; a changed record with the same ID is a new version.
    public var externalId: String?
    public var traceId: String?
    public var spanId: String?
    public var parentSpanId: String?
    /// When the call was made.
    public var timestamp: Date
    /// The provider (`openai`, `anthropic`, …) as the source names it.
    public var provider: String?
    /// The model asked for, and the model that answered (they differ behind aliases and fallbacks).
    public var requestedModel: String?
    public var respondedModel: String?
    /// The conversation sent: system, user, assistant and tool messages in order.
    public var messages: [LogMessage]
    /// The tool definitions sent, as the request had them.
    public var tools: [JSONValue]
    public var parameters: LogParameters
    /// The answer's text (nil when it had none, such as a call that only called tools).
    public var responseText: String?
    /// The answer's length in characters, kept when the text itself is stored only as a hash.
    public var responseCharacters: Int?
    /// The tools the answer called.
    public var responseToolCalls: [LogToolCall]
    public var finishReason: String?
    public var usage: LogUsage
    /// What the call cost in US dollars, exactly as the source's figure converts.
    public var costUSD: Decimal?
    public var latencyMilliseconds: Double?
    public var statusCode: Int?
    public var success: Bool
    /// The gateway's cache outcome (`HIT`, `MISS`, `SEMANTIC HIT`, `DISABLED`, …).
    public var cacheStatus: String?
    /// What a guardrail did: `failed` (checks failed, the call went on; Portkey's 246) or `denied` (Portkey's 446).
    public var guardrailOutcome: String?
    public var refusal: Refusal
    public var promptSlug: String?
    public var promptVersion: String?
    public var metadata: [String: JSONValue]
    /// Whether the call can be sent again: false when the source kept no bodies ("do not track")
    /// or the project stores only hashes of the text.
    public var replayable: Bool
    /// The record as the source sent it.
    public var original: JSONValue

    /// An entry with everything but the source, time and record left empty.
    public init(source: String, timestamp: Date, original: JSONValue) {
        self.source = source
        self.timestamp = timestamp
        self.original = original
        messages = []
        tools = []
        parameters = LogParameters()
        responseToolCalls = []
        usage = LogUsage()
        success = true
        refusal = Refusal()
        metadata = [:]
        replayable = true
    }

    /// The SHA-256 of the original record with its keys sorted: the same record gives the same
    /// hash however its keys were ordered, so importing it again changes nothing.
    public var contentHash: String {
        LogContentHash.of(original)
    }
}

/// One message of a logged conversation.
public struct LogMessage: Sendable, Equatable, Codable {
    /// `system`, `user`, `assistant` or `tool`.
    public var role: String
    public var content: String?
    /// The tools an assistant message called.
    public var toolCalls: [LogToolCall]
    /// For a tool message: the call it answers.
    public var toolCallId: String?
    /// The content's length in characters, kept when the text itself is stored only as a hash.
    public var contentCharacters: Int?

    public init(role: String, content: String?, toolCalls: [LogToolCall] = [], toolCallId: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallId = toolCallId
    }
}

/// A tool call: its ID, the tool's name and the arguments as the model wrote them.
public struct LogToolCall: Sendable, Equatable, Codable {
    public var id: String?
    public var name: String
    public var arguments: String

    public init(id: String?, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// The sampling parameters a call was sent with.
public struct LogParameters: Sendable, Equatable, Codable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var seed: Int?
    /// The requested response format (`{"type":"json_object"}`, a JSON schema, …).
    public var responseFormat: JSONValue?

    public init() {}
}

/// The tokens a call used.
public struct LogUsage: Sendable, Equatable, Codable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Input tokens served from the provider's prompt cache.
    public var cachedTokens: Int?
    /// Output tokens spent reasoning before the answer.
    public var reasoningTokens: Int?

    public init(inputTokens: Int? = nil, outputTokens: Int? = nil, cachedTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedTokens = cachedTokens
        self.reasoningTokens = reasoningTokens
    }
}
