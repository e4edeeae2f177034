/// Faults a request asks for, from the server default, the `X-Fake-Fault` header or the model name.
///
/// Directives are separated by `,` (header, server default) or `+` (model name, e.g. `fake+429x2`):
/// `429` / `429xN` (first N attempts of an identical request get 429 with Retry-After), `500xN`,
/// `malformed` / `malformedxN` (a body that is not JSON), `slow=MS` (extra latency),
/// `ramble` / `rambleN` (prose without an answer until the conversation holds N assistant
/// messages, so a re-ask gets a proper answer). `fail-429-then-ok` and `fail-500-then-ok` mean
/// `429x1` and `500x1`. Unknown directives are ignored, so ordinary model names pass through.
public struct FaultPlan: Sendable, Hashable {
    /// Attempts answered 429.
    public var rateLimited = 0
    /// Attempts answered 500.
    public var serverErrors = 0
    /// Attempts answered with malformed JSON.
    public var malformed = 0
    /// Extra latency in milliseconds.
    public var extraLatencyMilliseconds = 0
    /// Assistant messages needed before the model stops rambling.
    public var rambleUntilAssistantMessages = 0

    /// Creates an empty plan.
    public init() {}

    /// Parses directives separated by any of `separators`.
    public init(_ text: String, separators: String = ",+") {
        for raw in text.split(whereSeparator: { separators.contains($0) }) {
            apply(raw.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    /// Whether any failure is planned (attempts must be counted).
    var countsAttempts: Bool { rateLimited + serverErrors + malformed > 0 }

    /// Adds the directives of `other`.
    func merged(with other: FaultPlan) -> FaultPlan {
        var plan = self
        plan.rateLimited = max(rateLimited, other.rateLimited)
        plan.serverErrors = max(serverErrors, other.serverErrors)
        plan.malformed = max(malformed, other.malformed)
        plan.extraLatencyMilliseconds = max(extraLatencyMilliseconds, other.extraLatencyMilliseconds)
        plan.rambleUntilAssistantMessages = max(rambleUntilAssistantMessages, other.rambleUntilAssistantMessages)
        return plan
    }

    private mutating func apply(_ directive: String) {
        switch directive {
        case "fail-429-then-ok": rateLimited = 1
        case "fail-500-then-ok": serverErrors = 1
        default:
            if directive.hasPrefix("slow=") {
                extraLatencyMilliseconds = Int(directive.dropFirst(5)) ?? 0
            } else if directive.hasPrefix("ramble") {
                rambleUntilAssistantMessages = Int(directive.dropFirst(6)) ?? 1
            } else {
                let parts = directive.split(separator: "x", maxSplits: 1)
                let count = parts.count == 2 ? Int(parts[1]) ?? 0 : 1
                switch parts.first {
                case "429": rateLimited = count
                case "500": serverErrors = count
                case "malformed": malformed = count
                default: break
                }
            }
        }
    }
}
