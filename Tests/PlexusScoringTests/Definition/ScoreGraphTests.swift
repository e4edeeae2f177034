import PlexusCore
import PlexusScoring
import Testing

/// A score `key` with `dependsOn` and a placeholder classifier.
private func score(_ key: String, _ dependsOn: [ScoreDependency] = []) -> ScoreDefinition {
    ScoreDefinition(key: key, name: key, classes: ["Yes", "No"], positiveClass: "Yes", dependsOn: dependsOn, classifier: .object(["type": .string("keyword")]))
}

/// A one-section scorecard of `scores`.
private func scorecard(_ scores: ScoreDefinition...) -> ScorecardDefinition {
    ScorecardDefinition(key: "qa", name: "QA", sections: [SectionDefinition(name: "All", scores: scores)])
}

@Suite("Score graph")
struct ScoreGraphTests {
    @Test("Scores without dependencies share the first layer in display order")
    func independent() throws {
        let graph = try ScoreGraph(scorecard(score("b"), score("a")))
        #expect(graph.layers.map { $0.map(\.key) } == [["b", "a"]])
    }

    @Test("Each score lands in the layer after its latest dependency")
    func layered() throws {
        let graph = try ScoreGraph(scorecard(
            score("outcome", [ScoreDependency(score: "greeting"), ScoreDependency(score: "identity")]),
            score("greeting", [ScoreDependency(score: "identity", when: ["Yes"])]),
            score("identity"),
            score("tone")
        ))
        #expect(graph.layers.map { $0.map(\.key) } == [["identity", "tone"], ["greeting"], ["outcome"]])
    }

    @Test("The parsed example scorecard orders into three layers")
    func parsedScorecard() throws {
        let graph = try ScoreGraph(try testParser().parse(callQAYAML(), file: "call-qa.yaml"))
        #expect(graph.layers.map { $0.map(\.key) } == [["identity"], ["greeting"], ["outcome"]])
    }

    @Test("A cycle in a hand-built scorecard is named")
    func cycle() {
        #expect(throws: ScoreGraphError.cycle(["a", "b", "a"])) {
            try ScoreGraph(scorecard(score("a", [ScoreDependency(score: "b")]), score("b", [ScoreDependency(score: "a")])))
        }
    }

    @Test("A dependency on an unknown score is refused")
    func unknownDependency() {
        #expect(throws: ScoreGraphError.unknownDependency(score: "a", dependsOn: "ghost")) {
            try ScoreGraph(scorecard(score("a", [ScoreDependency(score: "ghost")])))
        }
    }

    @Test("A duplicate key is refused")
    func duplicateKey() {
        #expect(throws: ScoreGraphError.duplicateKey("a")) {
            try ScoreGraph(scorecard(score("a"), score("a")))
        }
    }
}
