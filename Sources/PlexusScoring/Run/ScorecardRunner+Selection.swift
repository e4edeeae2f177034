/// Which scores a runner runs.
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
}
