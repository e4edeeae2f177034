/// How the runner orders scores and decides which to skip.
extension ScorecardRunner {
    /// `scores` plus everything they depend on, transitively; every score when `scores` is `nil`.
    static func closure(of scores: [String]?, in definition: ScorecardDefinition) throws -> Set<String> {
        guard let scores else { return Set(definition.allScores.map(\.key)) }
        var selected: Set<String> = []
        var pending = scores
        while let key = pending.popLast() {
            guard let score = definition.score(key) else {
                throw ScorecardRunnerError.unknownScore(key, known: definition.allScores.map(\.key))
            }
            if selected.insert(key).inserted { pending += score.dependsOn.map(\.score) }
        }
        return selected
    }

    /// Scores grouped so each group depends only on earlier groups (Kahn's algorithm by levels).
    static func layers(of scores: [ScoreDefinition]) throws -> [[ScoreDefinition]] {
        var remaining = scores
        var done: Set<String> = []
        var layers: [[ScoreDefinition]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.dependsOn.allSatisfy { done.contains($0.score) } }
            guard !ready.isEmpty else { throw ScorecardRunnerError.dependencyCycle(remaining.map(\.key)) }
            layers.append(ready)
            done.formUnion(ready.map(\.key))
            remaining.removeAll { done.contains($0.key) }
        }
        return layers
    }

    /// Why `score` must be SKIPPED given the earlier results, or `nil` when it should run.
    static func skipReason(_ score: ScoreDefinition, earlier: [String: Classification]) -> String? {
        for dependency in score.dependsOn {
            guard let result = earlier[dependency.score] else { continue }
            if result.isSkipped { return "'\(dependency.score)' was skipped." }
            if let allowed = dependency.when, !allowed.contains(result.value) {
                return "Runs only when '\(dependency.score)' is \(allowed.joined(separator: " or ")); it was '\(result.value)'."
            }
        }
        return nil
    }
}
