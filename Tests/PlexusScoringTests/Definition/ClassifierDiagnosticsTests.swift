import PlexusScoring
import Testing

private func locations(_ diagnostics: [ScorecardDiagnostic]) -> [String] {
    diagnostics.map { "\($0.path)@\($0.line):\($0.column)" }
}

@Suite("Scorecard parser: classifier problems")
struct ClassifierDiagnosticsTests {
    @Test("An unknown classifier type lists the registered types")
    func unknownType() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    classifier: {type: regex}
            """))
        #expect(locations(found) == ["sections[0].scores[0].classifier.type@8:22"])
        #expect(found.first?.message == "Unknown classifier type 'regex'; registered types: keyword.")
    }

    @Test("A misspelt classifier type is reported with the type it was probably meant to be")
    func misspeltType() {
        let found = diagnostics(scorecardYAML(scores: "      - {key: a, name: A, classifier: {type: keywrd}}"))
        #expect(found.first?.message == "Unknown classifier type 'keywrd'; registered types: keyword. Did you mean 'keyword'?")
    }

    @Test("With no kinds registered, the message says so")
    func emptyRegistry() throws {
        let yaml = scorecardYAML(scores: "      - {key: a, name: A, classifier: {type: rules}}")
        let error = #expect(throws: ScorecardInvalid.self) { try ScorecardParser(registry: ClassifierRegistry([])).parse(yaml, file: "x.yaml") }
        #expect(error?.diagnostics.first?.message == "Unknown classifier type 'rules'; no classifier types are registered.")
    }

    @Test("A classifier block without a type is reported")
    func missingType() {
        let found = diagnostics(scorecardYAML(scores: "      - {key: a, name: A, classifier: {outcomes: []}}"))
        #expect(locations(found) == ["sections[0].scores[0].classifier.type@6:27"])
    }

    @Test("The kind's problems are reported at the line of the offending setting")
    func kindProblems() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    classifier:
                      type: keyword
                      outcomes:
                        - value: Yes
                          when: hi
                        - value: Maybe
                          when: ""
            """))
        #expect(locations(found) == [
            "sections[0].scores[0].classifier.outcomes[1].value@13:15", "sections[0].scores[0].classifier.outcomes[1].when@14:15",
        ])
    }

    @Test("A kind's problem with a missing setting is reported at the nearest enclosing field")
    func missingSetting() {
        let found = diagnostics(scorecardYAML(scores: """
                  - key: a
                    name: A
                    classifier:
                      type: keyword
            """))
        #expect(locations(found) == ["sections[0].scores[0].classifier.outcomes@8:9"])
    }
}
