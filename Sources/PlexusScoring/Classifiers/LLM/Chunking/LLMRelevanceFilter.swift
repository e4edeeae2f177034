import PlexusCore

/// Splits a text into pieces at line boundaries and asks the model, for each piece concurrently,
/// whether it is relevant; the pieces it answers Yes to are kept.
struct LLMRelevanceFilter: Sendable {
    /// The pieces, the model's answer for each, and what the questions cost.
    struct Outcome: Sendable {
        var pieces: [String]
        /// `Yes` or `No` for each piece, in order.
        var answers: [String]
        var usage: Usage

        /// The indices of the relevant pieces.
        var kept: [Int] { answers.indices.filter { answers[$0] == "Yes" } }

        /// The relevant pieces joined in order, one line break between pieces; `nil` when none is relevant.
        var relevantText: String? {
            let kept = self.kept
            guard !kept.isEmpty else { return nil }
            return kept.map { pieces[$0].hasSuffix("\n") ? String(pieces[$0].dropLast()) : pieces[$0] }.joined(separator: "\n")
        }
    }

    let question: PromptTree.Node
    let chunker: TextChunker
    let asker: NodeAsker

    /// A filter asking `settings`' question on `client`, with the score's `model` override.
    init(_ settings: LLMRelevanceSettings, client: ChatCompletionsClient, model: String?) throws(SettingsProblem) {
        let node = NodeSettings(kind: .classifier, system: settings.system, user: settings.user, parse: .yesNo)
        question = PromptTree.Node(
            name: "relevance", settings: node, system: try Self.template(settings.system, path: "relevance.llm.system"),
            user: try Self.template(settings.user, path: "relevance.llm.user")
        )
        chunker = TextChunker(maxChars: settings.maxChars ?? LLMRelevanceSettings.defaultMaxChars, overlap: 0)
        asker = NodeAsker(client: client, model: model)
    }

    /// Asks about every non-blank piece of `text`; the answers come back in piece order.
    func filter(_ text: String, input: ClassifierInput) async throws -> Outcome {
        let pieces = chunker.chunks(of: text).filter { !$0.allSatisfy(\.isWhitespace) }
        return try await withThrowingTaskGroup(of: (Int, TreeStep, Usage).self) { group in
            for (index, piece) in pieces.enumerated() {
                group.addTask {
                    let variables = TemplateVariables(text: piece, input: input, answers: [:])
                    let (step, usage) = try await asker.classify(question, variables: variables)
                    return (index, step, usage)
                }
            }
            var answers = [String](repeating: "", count: pieces.count)
            var usage = Usage()
            for try await (index, step, stepUsage) in group {
                answers[index] = step.answer
                usage = usage + stepUsage
            }
            return Outcome(pieces: pieces, answers: answers, usage: usage)
        }
    }

    private static func template(_ source: String?, path: String) throws(SettingsProblem) -> PromptTemplate? {
        guard let source else { return nil }
        do {
            return try PromptTemplate(source)
        } catch {
            throw SettingsProblem(path: path, message: error.message)
        }
    }
}
