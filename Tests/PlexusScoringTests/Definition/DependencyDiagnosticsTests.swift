import PlexusScoring
import Testing

private func locations(_ diagnostics: [ScorecardDiagnostic]) -> [String] {
    diagnostics.map { "\($0.path)@\($0.line):\($0.column)" }
}

/// A score `key` depending on `dependsOn` (a YAML flow list), in the indentation `scorecardYAML` expects.
private func score(_ key: String, dependsOn: String) -> String {
    """
          - key: \(key)
            name: \(key.uppercased())
            depends_on: \(dependsOn)
            classifier: {type: keyword, outcomes: []}
    """
}

@Suite("Scorecard parser: dependency problems")
struct DependencyDiagnosticsTests {
    @Test("Depending on itself and on an unknown score are reported at the entry")
    func selfAndUnknown() {
        let found = diagnostics(scorecardYAML(scores: score("a", dependsOn: "[a, ghost]")))
        #expect(locations(found) == ["sections[0].scores[0].depends_on[0]@8:22", "sections[0].scores[0].depends_on[1]@8:25"])
        #expect(found.first?.message.contains("depends on itself") == true)
        #expect(found.last?.message.contains("unknown score 'ghost'") == true)
    }

    @Test("A when value that is not a class of the score depended on is reported")
    func whenNotAClass() {
        let found = diagnostics(scorecardYAML(scores: score("a", dependsOn: "[]") + "\n" + """
                  - key: b
                    name: B
                    depends_on:
                      - score: a
                        when: [Yes, Maybe]
                    classifier: {type: keyword, outcomes: []}
            """))
        #expect(locations(found) == ["sections[0].scores[1].depends_on[0].when[1]@14:25"])
        #expect(found.first?.message.contains("'Maybe' is not a class of score 'a'") == true)
    }

    @Test("An empty when list is reported")
    func emptyWhen() {
        let found = diagnostics(scorecardYAML(scores: score("a", dependsOn: "[]") + "\n" + score("b", dependsOn: "[{score: a, when: []}]")))
        #expect(locations(found) == ["sections[0].scores[1].depends_on[0].when@12:33"])
    }

    @Test("A two-score cycle is named once")
    func twoCycle() {
        let found = diagnostics(scorecardYAML(scores: score("a", dependsOn: "[b]") + "\n" + score("b", dependsOn: "[a]")))
        #expect(locations(found) == ["sections[0].scores[0].depends_on[0]@8:22"])
        #expect(found.first?.message.contains("Dependency cycle a -> b -> a") == true)
    }

    @Test("A longer cycle is named in dependency order")
    func threeCycle() {
        let scores = [score("a", dependsOn: "[c]"), score("b", dependsOn: "[a]"), score("c", dependsOn: "[b]")]
        let found = diagnostics(scorecardYAML(scores: scores.joined(separator: "\n")))
        #expect(found.map(\.message).filter { $0.contains("cycle") }.count == 1)
        #expect(found.first?.message.contains("a -> c -> b -> a") == true)
    }

    @Test("An entry after a malformed one is still reported at its own index")
    func pathAfterDroppedEntry() {
        let found = diagnostics(scorecardYAML(scores: score("a", dependsOn: "[[x], ghost]")))
        #expect(found.map(\.path) == ["sections[0].scores[0].depends_on[0]", "sections[0].scores[0].depends_on[1]"])
        #expect(found.last?.message.contains("unknown score 'ghost'") == true)
    }

    @Test("When values are not checked against classes that are themselves invalid")
    func invalidTargetClasses() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    classes: [Good, Good]
                    classifier: {type: keyword, outcomes: []}
            """ + "\n" + score("b", dependsOn: "[{score: a, when: [Good]}]")))
        #expect(found.map(\.path) == ["sections[0].scores[0].classes[1]"])
    }
}
