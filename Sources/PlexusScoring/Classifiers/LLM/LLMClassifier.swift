import PlexusCore

/// Classifies with a prompt tree: filters the text for relevance, splits it into chunks, walks the
/// tree on each chunk concurrently, and combines the chunks' classes by the declared rule.
struct LLMClassifier: Classifier {
    let runner: TreeRunner
    let chunker: TextChunker?
    let combiner: ChunkCombiner
    let relevance: TextRelevance?
    let otherwise: String?

    func classify(_ input: ClassifierInput) async throws -> Classification {
        guard let relevance else { return try await classify(text: input.item.text, input: input) }
        let filtered = try await relevance.apply(to: input.item.text, input: input)
        if filtered.text == nil, let otherwise {
            return Classification(
                value: otherwise, explanation: "\(filtered.none) -> \(otherwise)", usage: filtered.usage,
                detail: filtered.detail.map { .object(["relevance": $0]) }
            )
        }
        var result = try await classify(text: filtered.text ?? "", input: input)
        result.usage = filtered.usage + result.usage
        if let summary = filtered.summary { result.explanation = "\(summary); \(result.explanation)" }
        if let detail = filtered.detail, case .object(var object)? = result.detail {
            object["relevance"] = detail
            result.detail = .object(object)
        }
        return result
    }

    /// Runs the tree on `text`, chunked when chunking is declared.
    private func classify(text: String, input: ClassifierInput) async throws -> Classification {
        let chunks = chunker?.chunks(of: text) ?? [text]
        let outcomes = try await run(chunks, input: input)
        let usage = outcomes.reduce(Usage()) { $0 + $1.usage }
        if outcomes.count == 1 {
            let outcome = outcomes[0]
            return Classification(
                value: outcome.value, confidence: outcome.confidence, explanation: outcome.explanation, usage: usage,
                detail: .object(["path": .array(outcome.steps.map(\.json))])
            )
        }
        let combined = combiner.combine(outcomes.map { ($0.value, $0.confidence) })
        let explanation = outcomes.enumerated().map { "chunk \($0.offset + 1)/\(outcomes.count): \($0.element.explanation)" }
            .joined(separator: "; ") + " => \(combiner.rule.rawValue): \(combined.value)"
        let chunkDetails: [JSONValue] = outcomes.map { .object(["value": .string($0.value), "path": .array($0.steps.map(\.json))]) }
        return Classification(
            value: combined.value, confidence: combined.confidence, explanation: explanation, usage: usage,
            detail: .object(["chunks": .array(chunkDetails), "combine": .string(combiner.rule.rawValue)])
        )
    }

    /// Walks the tree on every chunk concurrently; outcomes come back in chunk order.
    private func run(_ chunks: [String], input: ClassifierInput) async throws -> [TreeRunner.Outcome] {
        if chunks.count == 1 { return [try await runner.run(text: chunks[0], input: input)] }
        return try await withThrowingTaskGroup(of: (Int, TreeRunner.Outcome).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, try await runner.run(text: chunk, input: input)) }
            }
            var outcomes = [TreeRunner.Outcome?](repeating: nil, count: chunks.count)
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
    }
}
