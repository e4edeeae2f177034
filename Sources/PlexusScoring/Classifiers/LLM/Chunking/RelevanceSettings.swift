import PlexusCore

/// Keeps only the relevant part of a text: `{keywords: [refund, cancel], window: 1, otherwise: "No"}`.
struct RelevanceSettings: Sendable, Hashable, Decodable {
    /// Lines (turns) containing any of these, case-insensitively, are kept.
    var keywords: [String]?
    /// Lines kept either side of a matching line; default 0.
    var window: Int?
    /// The class when no line matches; without it the tree runs on the empty text.
    var otherwise: String?
    /// An LLM relevance filter; not supported yet (reported by validation).
    var llm: JSONValue?

    static func problems(_ settings: RelevanceSettings?, score: ScoreDefinition) -> [SettingsProblem] {
        guard let settings else { return [] }
        var problems: [SettingsProblem] = []
        if settings.llm != nil {
            problems.append(SettingsProblem(path: "relevance.llm", message: "LLM relevance filters are not supported yet; use `keywords`."))
        } else if (settings.keywords ?? []).isEmpty {
            problems.append(SettingsProblem(path: "relevance.keywords", message: "List at least one keyword, e.g. keywords: [refund, cancel]."))
        }
        if let window = settings.window, window < 0 {
            problems.append(SettingsProblem(path: "relevance.window", message: "The window is a number of lines ≥ 0; got \(window)."))
        }
        if let otherwise = settings.otherwise, !score.classes.contains(otherwise) {
            problems.append(SettingsProblem(path: "relevance.otherwise", message: "'\(otherwise)' is not a class of score '\(score.key)' (\(score.classes.joined(separator: ", ")))."))
        }
        return problems
    }
}
