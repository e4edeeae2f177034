import PlexusScoring

extension TextLimeExplainer {
    /// Explains how score `scoreKey` of `runner` classifies `text`: every perturbed text is scored
    /// (with the scores it depends on), `concurrency` at a time, and a classification becomes
    /// probabilities over the score's classes: its class gets the confidence (1 when the
    /// classifier gives none) and the other classes share the rest; a skipped score gives no class
    /// any probability. `progress` hears (texts scored, texts) as the scoring goes.
    /// - Returns: the explanation and what the classifier calls cost.
    public func explain(
        _ text: String, score scoreKey: String, runner: ScorecardRunner, concurrency: Int = 8,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> (explanation: TextExplanation, usage: Usage) {
        guard let score = runner.definition.allScores.first(where: { $0.key == scoreKey }), runner.scoreKeys.contains(scoreKey) else {
            throw ScorecardRunnerError.unknownScore(scoreKey, known: runner.scoreKeys)
        }
        let classes = score.classes
        let tally = UsageTally()
        let explanation = try await explain(text, classes: classes) { texts in
            var rows = [[Double]](repeating: [], count: texts.count)
            try await withThrowingTaskGroup(of: (Int, [Double], Usage).self) { group in
                var next = 0, done = 0
                func start() {
                    let index = next
                    next += 1
                    group.addTask {
                        let outcomes = await runner.score(ScoringItem(id: "lime-\(index)", text: texts[index]))
                        guard let outcome = outcomes.first(where: { $0.scoreKey == scoreKey }) else {
                            throw ModelError.evaluation(node: scoreKey, message: "the score gave no result")
                        }
                        switch outcome.result {
                        case let .success(classification):
                            return (index, Self.probabilities(classification, classes: classes), classification.usage)
                        case let .failure(failure):
                            throw ModelError.evaluation(node: scoreKey, message: failure.message)
                        }
                    }
                }
                while next < min(max(concurrency, 1), texts.count) { start() }
                while let (index, row, usage) = try await group.next() {
                    rows[index] = row
                    await tally.add(usage)
                    done += 1
                    progress(done, texts.count)
                    if next < texts.count { start() }
                }
            }
            return rows
        }
        return (explanation, await tally.total)
    }

    /// A classification as probabilities over `classes`.
    static func probabilities(_ classification: Classification, classes: [String]) -> [Double] {
        guard let chosen = classes.firstIndex(of: classification.value) else { return [Double](repeating: 0, count: classes.count) }
        let confidence = min(1, max(0, classification.confidence ?? 1))
        let rest = classes.count > 1 ? (1 - confidence) / Double(classes.count - 1) : 0
        return classes.indices.map { $0 == chosen ? confidence : rest }
    }
}

/// The usage of the classifier calls an explanation makes, added up as they finish.
private actor UsageTally {
    private(set) var total = Usage()

    func add(_ usage: Usage) {
        total = total + usage
    }
}
