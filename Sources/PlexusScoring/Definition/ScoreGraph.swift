/// The scores of a scorecard in dependency order, as layers that can each run concurrently.
///
/// Layer 0 holds the scores that depend on nothing; every score in layer *n* depends only on
/// scores in layers before *n*. Within a layer, scores keep their display order. A runner runs
/// the layers one after another and, before running a score, asks
/// ``ScoreDefinition/skipReason(given:)`` whether its `depends_on` conditions hold.
public struct ScoreGraph: Sendable, Hashable {
    /// The scores, layer by layer.
    public let layers: [[ScoreDefinition]]

    /// Orders the scores of `scorecard`.
    ///
    /// Scorecards from ``ScorecardParser`` always succeed; definitions built in code may not.
    /// - Throws: ``ScoreGraphError`` for a duplicate key, a dependency on an unknown score, or a cycle.
    public init(_ scorecard: ScorecardDefinition) throws(ScoreGraphError) {
        let scores = scorecard.allScores
        var keys = Set<String>()
        for score in scores where !keys.insert(score.key).inserted {
            throw .duplicateKey(score.key)
        }
        for score in scores {
            if let unknown = score.dependsOn.first(where: { !keys.contains($0.score) }) {
                throw .unknownDependency(score: score.key, dependsOn: unknown.score)
            }
        }
        if let cycle = DependencyCycles.find(in: scores).first {
            throw .cycle(cycle)
        }
        layers = Self.layers(of: scores)
    }

    /// Every score placed in the first layer after all of its dependencies; needs an acyclic graph.
    private static func layers(of scores: [ScoreDefinition]) -> [[ScoreDefinition]] {
        var placed = Set<String>()
        var remaining = scores
        var layers: [[ScoreDefinition]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { score in score.dependsOn.allSatisfy { placed.contains($0.score) } }
            layers.append(ready)
            placed.formUnion(ready.map(\.key))
            remaining.removeAll { placed.contains($0.key) }
        }
        return layers
    }
}
