import PlexusCore

/// The relevance filter of an `llm` score: lines mentioning a keyword, or the pieces the model judges relevant.
enum TextRelevance: Sendable {
    case keywords(RelevanceFilter)
    case llm(LLMRelevanceFilter)

    /// What the filter kept and what it cost.
    struct Outcome: Sendable {
        /// The relevant text; `nil` when nothing is relevant.
        var text: String?
        var usage: Usage
        /// Put before the tree's explanation (`relevance: 2/5 pieces relevant`); `nil` for keywords.
        var summary: String?
        /// The explanation when nothing is relevant (before `-> otherwise`).
        var none: String
        /// Which pieces were kept, for the result detail.
        var detail: JSONValue?
    }

    /// Filters the item's `text`.
    func apply(to text: String, input: ClassifierInput) async throws -> Outcome {
        switch self {
        case .keywords(let filter):
            return Outcome(
                text: filter.relevantText(of: text), usage: Usage(), summary: nil,
                none: "No line mentions \(filter.keywords.joined(separator: ", "))", detail: nil
            )
        case .llm(let filter):
            let found = try await filter.filter(text, input: input)
            let kept = found.kept
            let detail: JSONValue = .object([
                "pieces": .number(Double(found.pieces.count)),
                "kept": .array(kept.map { .number(Double($0 + 1)) }),
                "answers": .array(found.answers.map(JSONValue.string)),
            ])
            return Outcome(
                text: found.relevantText, usage: found.usage,
                summary: "relevance: \(kept.count)/\(found.pieces.count) pieces relevant",
                none: "relevance: no relevant piece", detail: detail
            )
        }
    }
}
