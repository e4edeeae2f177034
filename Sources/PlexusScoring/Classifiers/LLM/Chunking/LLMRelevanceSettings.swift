/// An LLM relevance filter: `{user: "Does this part mention a refund? Answer Yes or No.\n{{text}}", max_chars: 2000}`.
struct LLMRelevanceSettings: Sendable, Hashable, Decodable {
    /// The question asked of each piece; `{{text}}` is the piece.
    var user: String
    var system: String?
    /// The longest piece, in characters; default ``defaultMaxChars``.
    var maxChars: Int?

    /// Pieces of 2,000 characters keep each question short while leaving room for a few turns.
    static let defaultMaxChars = 2000
    static let maxCharsRange = 100...200_000
    static let fields = ["user", "system", "max_chars"]

    enum CodingKeys: String, CodingKey {
        case user, system
        case maxChars = "max_chars"
    }

    /// Problems with the prompts (only `{{text}}` and `{{metadata.*}}` may be read; `{{text}}` must be) and `max_chars`.
    func problems(at path: String) -> [SettingsProblem] {
        var problems: [SettingsProblem] = []
        var readsText = false
        for (field, source) in [("system", system), ("user", Optional(user))] {
            guard let source else { continue }
            do {
                let template = try PromptTemplate(source)
                readsText = readsText || template.variables.contains(["text"])
                for variable in template.variables where !["text", "metadata"].contains(variable[0]) {
                    problems.append(SettingsProblem(
                        path: "\(path).\(field)",
                        message: "The relevance prompt cannot read '{{\(variable.joined(separator: "."))}}'; it runs before the tree, so use {{text}} (the piece) or {{metadata.<key>}}."
                    ))
                }
            } catch {
                problems.append(SettingsProblem(path: "\(path).\(field)", message: error.message))
            }
        }
        if !readsText, problems.isEmpty {
            problems.append(SettingsProblem(path: "\(path).user", message: "The relevance prompt must include {{text}} (the piece being judged), or every piece gets the same question."))
        }
        if let maxChars, !Self.maxCharsRange.contains(maxChars) {
            problems.append(SettingsProblem(
                path: "\(path).max_chars",
                message: "Pieces need between \(Self.maxCharsRange.lowerBound) and \(Self.maxCharsRange.upperBound) characters; got \(maxChars)."
            ))
        }
        return problems
    }
}
