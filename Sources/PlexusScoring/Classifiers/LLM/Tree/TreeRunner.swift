import PlexusCore

/// Walks a prompt tree for one text: asks each node, follows the edge its answer names, and stops at a class.
struct TreeRunner: Sendable {
    /// Where the walk ended and what it cost.
    struct Outcome: Sendable {
        var value: String
        var confidence: Double?
        var steps: [TreeStep]
        var usage: Usage

        /// `greeted: Yes -> quote: "…" (verified 0.97) -> Yes`.
        var explanation: String { (steps.map(\.summary) + [value]).joined(separator: " -> ") }
    }

    let tree: PromptTree
    let client: ChatCompletionsClient

    /// Runs the tree on `text` (the item's text, or one chunk of it).
    func run(text: String, input: ClassifierInput) async throws -> Outcome {
        var answers: [String: String] = [:]
        var outcome = Outcome(value: "", confidence: nil, steps: [], usage: Usage())
        var current = tree.start
        // Validation rejects cycles, so a walk visits each node at most once.
        for _ in 0..<max(tree.nodes.count, 1) {
            guard let node = tree.nodes[current] else { break }
            let variables = TemplateVariables(text: text, input: input, answers: answers)
            let (step, usage) = try await visit(node, text: text, variables: variables)
            outcome.usage = outcome.usage + usage
            outcome.steps.append(step)
            answers[node.name] = step.answer
            if node.settings.kind == .classifier { outcome.confidence = step.confidence }
            switch try edge(from: node, answer: step) {
            case .node(let next):
                current = next
            case .finish(let value):
                outcome.value = value
                return outcome
            }
        }
        throw LLMTreeError.noEdge(node: current, answer: outcome.steps.last?.answer ?? "", edges: [])
    }

    private func visit(_ node: PromptTree.Node, text: String, variables: TemplateVariables) async throws -> (TreeStep, Usage) {
        switch node.settings.kind {
        case .classifier:
            return try await NodeAsker(client: client, model: tree.model).classify(node, variables: variables)
        case .extractor:
            return try await NodeAsker(client: client, model: tree.model).extract(node, text: text, variables: variables)
        case .logical:
            let holds = try node.settings.when?.holds(variables) ?? false
            return (TreeStep(node: node.name, kind: .logical, answer: holds ? "true" : "false"), Usage())
        }
    }

    private func edge(from node: PromptTree.Node, answer step: TreeStep) throws -> EdgeTarget {
        guard let next = node.settings.next else { return .finish(step.answer) }
        let key = step.verified.map { $0 ? "verified" : "unverified" } ?? step.answer
        if let match = next.first(where: { $0.key.caseInsensitiveCompare(key) == .orderedSame }) { return match.value }
        if let fallback = next["default"] { return fallback }
        throw LLMTreeError.noEdge(node: node.name, answer: key, edges: Array(next.keys))
    }
}
