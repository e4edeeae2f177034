import PlexusScoring
import Testing

@Suite("Scorecard runner")
struct ScorecardRunnerTests {
    @Test("Scores run in dependency layers")
    func layers() async throws {
        let runner = try await RunFixtures.runner([
            RunFixtures.score("c", word: "x", dependsOn: [ScoreDependency(score: "b")]),
            RunFixtures.score("a", word: "x"),
            RunFixtures.score("b", word: "x", dependsOn: [ScoreDependency(score: "a")]),
        ])
        #expect(runner.layers.map { $0.map(\.key) } == [["a"], ["b"], ["c"]])
    }

    @Test("A score whose condition is not met is SKIPPED, and so are scores depending on it")
    func skipped() async throws {
        let runner = try await RunFixtures.runner([
            RunFixtures.score("greeting", word: "hello"),
            RunFixtures.score("name", word: "Dana", dependsOn: [ScoreDependency(score: "greeting", when: ["Yes"])]),
            RunFixtures.score("spelled", word: "D-A-N-A", dependsOn: [ScoreDependency(score: "name")]),
        ])
        let outcomes = await runner.score(ScoringItem(id: "1", text: "Agent: goodbye Dana"))
        let values = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.scoreKey, $0.classification?.value) })
        #expect(values == ["greeting": "No", "name": "SKIPPED", "spelled": "SKIPPED"])
        #expect(outcomes[1].classification?.explanation == "Skipped: 'greeting' is 'No', not 'Yes'.")
    }

    @Test("A condition that is met lets the score run")
    func conditionMet() async throws {
        let runner = try await RunFixtures.runner([
            RunFixtures.score("greeting", word: "hello"),
            RunFixtures.score("name", word: "Dana", dependsOn: [ScoreDependency(score: "greeting", when: ["Yes"])]),
        ])
        let outcomes = await runner.score(ScoringItem(id: "1", text: "hello, this is Dana"))
        #expect(outcomes.map { $0.classification?.value } == ["Yes", "Yes"])
    }

    @Test("A failing classifier is reported and its dependents are not run")
    func failure() async throws {
        let runner = try await RunFixtures.runner([
            RunFixtures.score("a", word: "x"),
            RunFixtures.score("b", word: "x", dependsOn: [ScoreDependency(score: "a")]),
        ])
        let outcomes = await runner.score(ScoringItem(id: "i", text: "boom"))
        #expect(outcomes.map { $0.classification == nil } == [true, true])
        #expect(ItemOutcome(item: ScoringItem(id: "i", text: ""), scores: outcomes).failures.last?.message == "Not run because 'a' failed.")
    }

    @Test("Selecting one score also runs what it depends on, and nothing else")
    func selection() async throws {
        let runner = try await RunFixtures.runner([
            RunFixtures.score("a", word: "x"),
            RunFixtures.score("b", word: "x", dependsOn: [ScoreDependency(score: "a")]),
            RunFixtures.score("c", word: "x"),
        ], only: ["b"])
        #expect(runner.scoreKeys == ["a", "b"])
    }

    @Test("Unknown scores and classifier types are refused with the known ones listed")
    func unknowns() async throws {
        await #expect(throws: ScorecardRunnerError.unknownScore("zzz", known: ["a"])) {
            _ = try await RunFixtures.runner([RunFixtures.score("a", word: "x")], only: ["zzz"])
        }
        var score = RunFixtures.score("a", word: "x")
        score.classifier = .object(["type": .string("magic")])
        await #expect(throws: ScorecardRunnerError.unknownClassifierType(score: "a", type: "magic", known: ["word"])) {
            _ = try await RunFixtures.runner([score])
        }
    }
}
