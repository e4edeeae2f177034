import Foundation

/// Tells refusals apart from answers, in layers, first match wins: the provider's own signals,
/// then the gateway's guardrail status, then a versioned list of refusal phrases matched on word
/// boundaries (which knows "I'm sorry to hear that" is sympathy, not a refusal), then the
/// output's shape (empty, or cut at the token limit). A phrase near the start of a short answer
/// is a hard refusal; one later in an answer, or followed by a substantial answer, is partial.
public struct RefusalDetector: Sendable {
    /// The phrase list's version, stored with each detection so counts can be recomputed when it changes.
    public static let phraseListVersion = "2026-12-07"

    /// Openings that decline, lower-cased with straight apostrophes.
    static let phrases = [
        "i can't help with", "i cannot help with", "i can't assist with", "i cannot assist with", "i can't help you with",
        "i'm unable to", "i am unable to", "i'm not able to", "i am not able to", "i won't be able to",
        "i can't provide", "i cannot provide", "i can't share", "i cannot share", "i can't comply", "i cannot comply",
        "i can't do that", "i cannot do that", "i must decline", "i have to decline", "i'm not allowed to", "i am not allowed to",
        "i'm sorry, but i can't", "i'm sorry, but i cannot", "i apologize, but i can't", "i apologize, but i cannot",
        "as an ai language model, i cannot", "as an ai, i cannot", "that's not something i can help with",
    ]
    /// Sayings that contain a phrase's words without declining anything.
    static let exceptions = [
        "i can't help but", "i cannot help but", "i can't help noticing", "i'm sorry to hear", "i am sorry to hear",
        "i'm unable to contain my", "i can't share enough",
    ]
    /// A phrase this far into the answer still opens it.
    private static let openingCharacters = 120
    /// More words than this after the refusing sentence make the refusal partial.
    private static let substantialWords = 30

    public init() {}

    /// The refusal in `entry`, given what the provider signalled.
    public func detect(_ entry: LogEntry, signals: ProviderSignals) -> Refusal {
        if let refusal = signals.refusalText, !refusal.isEmpty {
            return Refusal(kind: .hard, layer: .providerSignal, evidence: "message.refusal")
        }
        let finish = entry.finishReason?.lowercased()
        switch finish {
        case "content_filter"?, "safety"?, "blocklist"?, "prohibited_content"?, "spii"?:
            return Refusal(kind: .guardrail, layer: .providerSignal, evidence: "finish_reason \(entry.finishReason ?? "")")
        case "refusal"?:
            return Refusal(kind: .hard, layer: .providerSignal, evidence: "stop_reason refusal")
        default: break
        }
        if let block = signals.blockReason {
            return Refusal(kind: .guardrail, layer: .providerSignal, evidence: "blockReason \(block)")
        }
        if entry.guardrailOutcome == "denied" {
            return Refusal(kind: .guardrail, layer: .guardrailStatus, evidence: "status \(entry.statusCode.map(String.init) ?? "denied")")
        }
        if let text = entry.responseText, let found = Self.phrase(in: text) {
            return Refusal(kind: found.partial ? .partial : .hard, layer: .phrase, evidence: found.phrase)
        }
        guard signals.responseKept else { return Refusal() }
        if entry.success, (entry.responseText ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, entry.responseToolCalls.isEmpty {
            return Refusal(kind: .empty, layer: .output, evidence: "no text and no tool calls")
        }
        if ["length", "max_tokens"].contains(finish) {
            return Refusal(kind: .truncated, layer: .output, evidence: "finish_reason \(entry.finishReason ?? "")")
        }
        return Refusal()
    }

    /// The first refusal phrase in `text` on word boundaries, outside the exceptions, and whether
    /// the refusal is partial.
    static func phrase(in text: String) -> (phrase: String, partial: Bool)? {
        let normal = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        var best: (Range<String.Index>, String)?
        for phrase in phrases {
            var searchStart = normal.startIndex
            while let range = normal.range(of: phrase, range: searchStart ..< normal.endIndex) {
                searchStart = range.upperBound
                guard isBoundary(normal, before: range.lowerBound), isBoundary(normal, after: range.upperBound) else { continue }
                let tail = normal[range.lowerBound...]
                guard !exceptions.contains(where: { tail.hasPrefix($0) }) else { continue }
                if best.map({ range.lowerBound < $0.0.lowerBound }) ?? true { best = (range, phrase) }
                break
            }
        }
        guard let (range, phrase) = best else { return nil }
        let offset = normal.distance(from: normal.startIndex, to: range.lowerBound)
        // What follows the refusing sentence.
        let rest = normal[range.upperBound...]
        let sentenceEnd = rest.firstIndex { ".!?\n".contains($0) } ?? rest.endIndex
        let wordsAfter = rest[sentenceEnd...].split { !$0.isLetter && !$0.isNumber }.count
        return (phrase, offset > openingCharacters || wordsAfter > substantialWords)
    }

    private static func isBoundary(_ text: String, before index: String.Index) -> Bool {
        index == text.startIndex || !text[text.index(before: index)].isLetter
    }

    private static func isBoundary(_ text: String, after index: String.Index) -> Bool {
        index == text.endIndex || !text[index].isLetter
    }
}

/// What a provider's answer said about refusing, beside its text.
public struct ProviderSignals: Sendable, Equatable {
    /// OpenAI's `message.refusal`.
    public var refusalText: String?
    /// Gemini's `promptFeedback.blockReason`.
    public var blockReason: String?
    /// Whether the answer's body was logged at all; without it ("do not track") an empty
    /// answer says nothing about the call.
    public var responseKept: Bool

    public init(refusalText: String? = nil, blockReason: String? = nil, responseKept: Bool = true) {
        self.refusalText = refusalText
        self.blockReason = blockReason
        self.responseKept = responseKept
    }
}
