import PlexusCore
import PlexusScoring
import Testing

/// A score depending on `dependencies`.
private func score(dependsOn dependencies: [ScoreDependency]) -> ScoreDefinition {
    ScoreDefinition(key: "s", name: "S", classes: ["Yes", "No"], positiveClass: "Yes", dependsOn: dependencies, classifier: .null)
}

@Suite("Skip decisions")
struct SkipReasonTests {
    @Test("A score without dependencies always runs")
    func noDependencies() {
        #expect(score(dependsOn: []).skipReason(given: [:]) == nil)
    }

    @Test("A score runs when the dependency's value is in when")
    func conditionMet() {
        let dependent = score(dependsOn: [ScoreDependency(score: "identity", when: ["Yes", "Partly"])])
        #expect(dependent.skipReason(given: ["identity": "Partly"]) == nil)
    }

    @Test("A score is skipped when the dependency's value is not in when")
    func conditionNotMet() {
        let dependent = score(dependsOn: [ScoreDependency(score: "identity", when: ["Yes"])])
        #expect(dependent.skipReason(given: ["identity": "No"]) == .conditionNotMet(score: "identity", value: "No", when: ["Yes"]))
    }

    @Test("A dependency without when only needs to have run")
    func unconditional() {
        #expect(score(dependsOn: [ScoreDependency(score: "identity")]).skipReason(given: ["identity": "No"]) == nil)
    }

    @Test("A skipped dependency skips the score, even without when")
    func dependencySkipped() {
        let dependent = score(dependsOn: [ScoreDependency(score: "identity")])
        #expect(dependent.skipReason(given: ["identity": Classification.skippedValue]) == .dependencySkipped(score: "identity"))
    }

    @Test("A dependency with no result skips the score")
    func dependencyMissing() {
        #expect(score(dependsOn: [ScoreDependency(score: "identity")]).skipReason(given: [:]) == .dependencyMissing(score: "identity"))
    }

    @Test("The first unmet dependency is the reason")
    func firstUnmet() {
        let dependent = score(dependsOn: [ScoreDependency(score: "a", when: ["Yes"]), ScoreDependency(score: "b", when: ["Yes"])])
        #expect(dependent.skipReason(given: ["a": "Yes", "b": "No"])?.dependency == "b")
    }

    @Test("The reason reads as a sentence naming the dependency and its value")
    func description() {
        let reason = SkipReason.conditionNotMet(score: "identity", value: "No", when: ["Yes", "Partly"])
        #expect(reason.description == "Skipped: 'identity' is 'No', not 'Yes' or 'Partly'.")
    }
}
