import PlexusScoring
import Testing

/// (path, line, column) of each diagnostic, for comparing locations at a glance.
private func locations(_ diagnostics: [ScorecardDiagnostic]) -> [String] {
    diagnostics.map { "\($0.path)@\($0.line):\($0.column)" }
}

@Suite("Scorecard parser: field problems")
struct ScorecardDiagnosticsTests {
    @Test("A YAML syntax error is one diagnostic at its line")
    func syntaxError() {
        let found = diagnostics("key: call-qa\nname: Call QA\nsections:\n  - name: [Opening\n    scores: []\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 5)
        #expect(found.first?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test("A field written twice in one mapping is one diagnostic")
    func duplicateField() {
        let found = diagnostics("key: call-qa\nname: Call QA\nname: Again\nsections: []\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'name' appears twice") == true)
    }

    @Test("A scorecard without sections, or whose sections have no scores, is refused")
    func noScores() {
        let none = diagnostics("key: call-qa\nname: Call QA\nsections: []\n")
        #expect(locations(none) == ["sections@3:1"])
        #expect(none.first?.message.contains("at least one section with at least one score") == true)
        let empty = diagnostics("key: call-qa\nname: Call QA\nsections:\n  - name: Opening\n    scores: []\n")
        #expect(locations(empty) == ["sections@3:1"])
    }

    @Test("A section name used twice is reported at the second one")
    func duplicateSectionName() {
        let yaml = scorecardYAML(scores: """
                  - key: greeting
                    name: G
                    classifier: {type: keyword, outcomes: [{value: "Yes", when: hello}]}
            """) + """

              - name: Opening
                scores:
                  - key: closing
                    name: C
                    classifier: {type: keyword, outcomes: [{value: "Yes", when: bye}]}
            """
        let found = diagnostics(yaml)
        #expect(locations(found) == ["sections[1].name@9:5"])
        #expect(found.first?.message.contains("'Opening' is used twice") == true)
    }

    @Test("An empty file says what a scorecard needs")
    func emptyFile() {
        let found = diagnostics("")
        #expect(locations(found) == ["@1:1"])
        #expect(found.first?.message.contains("empty") == true)
    }

    @Test("Missing scorecard fields are reported at the top of the file")
    func missingScorecardFields() {
        let found = diagnostics("description: nothing else\n")
        #expect(locations(found) == ["key@1:1", "name@1:1", "sections@1:1"])
    }

    @Test("Missing score fields are reported where the score starts")
    func missingScoreFields() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: greeting
                    classes: [Yes, No]
            """))
        #expect(locations(found) == ["sections[0].scores[0].name@6:9", "sections[0].scores[0].classifier@6:9"])
        #expect(found.allSatisfy { $0.message.hasPrefix("Missing required field") })
    }

    @Test("A key that breaks the key rules is reported at the key")
    func badKey() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: call qa!
                    name: A
                    classifier: {type: keyword, outcomes: []}
            """))
        #expect(locations(found) == ["sections[0].scores[0].key@6:9"])
        #expect(found.first?.message.contains("may contain only letters") == true)
    }

    @Test("A score key used twice is reported at the second use")
    func duplicateScoreKey() {
        let yaml = scorecardYAML(scores: """
                  - key: greeting
                    name: G
                    classifier: {type: keyword, outcomes: []}
            """) + """

              - name: Closing
                scores:
                  - key: greeting
                    name: G again
                    classifier: {type: keyword, outcomes: []}
            """
        let found = diagnostics(yaml)
        #expect(locations(found) == ["sections[1].scores[0].key@11:9"])
        #expect(found.first?.message.contains("already used by sections[0].scores[0]") == true)
    }

    @Test("Too few, repeated and blank classes are each reported")
    func badClasses() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    classes: [Yes]
                    classifier: {type: keyword, outcomes: []}
                  - key: b
                    name: B
                    classes: [Yes, No, Yes, " "]
                    classifier: {type: keyword, outcomes: []}
            """))
        #expect(locations(found) == [
            "sections[0].scores[0].classes@8:9", "sections[0].scores[1].classes[2]@12:28", "sections[0].scores[1].classes[3]@12:33",
        ])
    }

    @Test("A positive class outside the classes is reported")
    func badPositiveClass() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    positive_class: Maybe
                    classifier: {type: keyword, outcomes: []}
            """))
        #expect(locations(found) == ["sections[0].scores[0].positive_class@8:9"])
        #expect(found.first?.message.contains("'Maybe'") == true)
    }

    @Test("A misspelt field is reported with the field it was probably meant to be")
    func unknownField() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    positve_class: Yes
                    classifier: {type: keyword, outcomes: []}
            """))
        #expect(locations(found) == ["sections[0].scores[0].positve_class@8:9"])
        #expect(found.first?.message.contains("Did you mean 'positive_class'?") == true)
    }

    @Test("A value of the wrong shape names what was found")
    func wrongShape() {
        let found = diagnostics("key: call-qa\nname: Call QA\nsections: Opening\n")
        #expect(locations(found) == ["sections@3:1"])
        #expect(found.first?.message == "Expected a list; found 'Opening'.")
    }
}
