import PlexusCore

/// Keeps only the relevant part of a text, by keywords (`{keywords: [refund, cancel], window: 1, otherwise: "No"}`)
/// or by asking the model about each piece (`{llm: {user: "…{{text}}…"}, otherwise: "No"}`).
struct RelevanceSettings: Sendable, Hashable, Decodable {
    /// Lines (turns) containing any of these, case-insensitively, are kept.
    var keywords: [String]?
    /// Lines kept either side of a matching line; default 0.
    var window: Int?
    /// The class when nothing is relevant; without it the tree runs on the empty text.
    var otherwise: String?
    /// Asks the model whether each piece of the text is relevant.
    var llm: LLMRelevanceSettings?

    static let fields = ["keywords", "window", "otherwise", "llm"]

    static func problems(_ settings: RelevanceSettings?, score: ScoreDefinition) -> [SettingsProblem] {
        guard let settings else { return [] }
        var problems: [SettingsProblem] = []
        switch (settings.keywords, settings.llm) {
        case (.some, .some):
            problems.append(SettingsProblem(path: "relevance", message: "Use either `keywords` or `llm`, not both."))
        case (nil, nil):
            problems.append(SettingsProblem(path: "relevance", message: "Give `keywords: [refund, cancel]` or an `llm: {user: ...}` question."))
        case (.some(let keywords), nil) where keywords.isEmpty:
            problems.append(SettingsProblem(path: "relevance.keywords", message: "List at least one keyword, e.g. keywords: [refund, cancel]."))
        case (nil, .some(let llm)):
            problems += llm.problems(at: "relevance.llm")
            if settings.window != nil {
                problems.append(SettingsProblem(path: "relevance.window", message: "`window` applies to `keywords` only; remove it or use `llm.max_chars` to size the pieces."))
            }
        default:
            break
        }
        if let window = settings.window, window < 0 {
            problems.append(SettingsProblem(path: "relevance.window", message: "The window is a number of lines ≥ 0; got \(window)."))
        }
        if let otherwise = settings.otherwise, !score.classes.contains(otherwise) {
            problems.append(SettingsProblem(path: "relevance.otherwise", message: "'\(otherwise)' is not a class of score '\(score.key)' (\(score.classes.joined(separator: ", ")))."))
        }
        return problems
    }

    /// Fields of the raw `relevance` block (and its `llm` block) that no setting reads.
    static func unknownFields(in block: JSONValue) -> [SettingsProblem] {
        guard case .object(let classifier) = block, case .object(let relevance)? = classifier["relevance"] else { return [] }
        var problems = BlockFields.unknown(in: relevance, allowed: fields, at: "relevance")
        if case .object(let llm)? = relevance["llm"] {
            problems += BlockFields.unknown(in: llm, allowed: LLMRelevanceSettings.fields, at: "relevance.llm")
        }
        return problems
    }
}
