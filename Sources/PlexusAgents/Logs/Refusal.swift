/// Whether a logged answer refused, and which layer of detection said so.
public struct Refusal: Sendable, Equatable, Codable {
    /// What kind of answer it was.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An ordinary answer.
        case none
        /// The model declined the request.
        case hard
        /// The model declined part of it and answered the rest.
        case partial
        /// A guardrail or content filter blocked the answer.
        case guardrail
        /// The call succeeded with no text and no tool calls.
        case empty
        /// The answer stopped at the token limit.
        case truncated
    }

    /// Which detection layer decided.
    public enum Layer: String, Sendable, Codable, CaseIterable {
        /// The provider said so (OpenAI's `message.refusal`, `finish_reason: content_filter`,
        /// Anthropic's `stop_reason: refusal`, Gemini's block reasons).
        case providerSignal = "provider_signal"
        /// The gateway's guardrail status (Portkey's 446).
        case guardrailStatus = "guardrail_status"
        /// A phrase of the refusal phrase list.
        case phrase
        /// The shape of the output (empty, cut at the token limit).
        case output
    }

    public var kind: Kind
    public var layer: Layer?
    /// What was seen: the signal, status or phrase.
    public var evidence: String?

    public init(kind: Kind = .none, layer: Layer? = nil, evidence: String? = nil) {
        self.kind = kind
        self.layer = layer
        self.evidence = evidence
    }
}
