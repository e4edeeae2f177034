/// Asks the model one node's question: classifier nodes re-ask when the answer cannot be read;
/// extractor nodes check their quote against the text.
struct NodeAsker: Sendable {
    let client: ChatCompletionsClient
    let model: String?

    func classify(_ node: PromptTree.Node, variables: TemplateVariables) async throws -> (TreeStep, Usage) {
        var messages = prompt(node, variables: variables)
        var usage = Usage()
        let attempts = 1 + max(node.settings.maxReasks ?? 2, 0)
        var last = ""
        for _ in 0..<attempts {
            let completion = try await client.complete(ChatRequest(model: model, messages: messages))
            usage = usage + completion.usage
            last = completion.response.content
            if let answer = node.format.parse(last, classes: node.classes, field: node.settings.field ?? "answer") {
                let confidence = AnswerConfidence.estimate(
                    chosen: answer, candidates: node.format.candidates(classes: node.classes), response: completion.response
                )
                return (TreeStep(node: node.name, kind: .classifier, answer: answer, confidence: confidence), usage)
            }
            messages.append(.assistant(last))
            messages.append(.user(correction(for: node)))
        }
        throw LLMTreeError.unreadableAnswer(node: node.name, answer: last, attempts: attempts)
    }

    func extract(_ node: PromptTree.Node, text: String, variables: TemplateVariables) async throws -> (TreeStep, Usage) {
        let completion = try await client.complete(ChatRequest(model: model, messages: prompt(node, variables: variables)))
        let quote = completion.response.content.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "\"'\u{201C}\u{201D}")))
        var step = TreeStep(node: node.name, kind: .extractor, answer: quote)
        if let verify = node.settings.verify {
            let similarity = FuzzyMatcher(phrase: quote, method: .editDistance).bestMatch(in: text)?.similarity ?? 0
            step.similarity = similarity
            step.verified = similarity >= (verify.threshold ?? 0.85)
        }
        return (step, completion.usage)
    }

    private func prompt(_ node: PromptTree.Node, variables: TemplateVariables) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let system = node.system { messages.append(.system(system.render(variables.value(at:)))) }
        if let user = node.user { messages.append(.user(user.render(variables.value(at:)))) }
        return messages
    }

    private func correction(for node: PromptTree.Node) -> String {
        switch node.format {
        case .yesNo: "I could not read that answer. Reply with only Yes or No."
        case .class: "I could not read that answer. Reply with only one of: \(node.classes.joined(separator: ", "))."
        case .number: "I could not read that answer. Reply with only a number."
        case .json: "I could not read that answer. Reply with only a JSON object with the field \"\(node.settings.field ?? "answer")\"."
        }
    }
}
