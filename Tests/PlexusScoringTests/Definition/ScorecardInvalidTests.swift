import PlexusScoring
import Testing

@Suite("Scorecard parser: reporting every problem")
struct ScorecardInvalidTests {
    private func brokenYAML() -> String {
        """
        key: call-qa
        sections:
          - name: Opening
            scores:
              - key: call qa!
                name: A
                classes: [Yes]
                positve_class: Yes
                classifier: {type: regex}
        """
    }

    @Test("Every problem in a file is reported, in file order")
    func allProblems() {
        let found = diagnostics(brokenYAML())
        #expect(found.map(\.path) == [
            "name", "sections[0].scores[0].key", "sections[0].scores[0].classes", "sections[0].scores[0].positve_class",
            "sections[0].scores[0].classifier.type",
        ])
        #expect(found.map(\.line) == [1, 5, 7, 8, 9])
    }

    @Test("A diagnostic renders as file:line:column: path: message")
    func diagnosticDescription() {
        let diagnostic = ScorecardDiagnostic(file: "call-qa.yaml", line: 14, column: 9, path: "sections[0].scores[2].classes", message: "Bad.")
        #expect(diagnostic.description == "call-qa.yaml:14:9: sections[0].scores[2].classes: Bad.")
    }

    @Test("The error renders one diagnostic per line")
    func errorDescription() throws {
        let error = #expect(throws: ScorecardInvalid.self) { try testParser().parse(brokenYAML(), file: "call-qa.yaml") }
        let lines = try #require(error).description.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.first == "call-qa.yaml:1:1: name: Missing required field 'name'.")
        #expect(lines.dropFirst().first?.hasPrefix("call-qa.yaml:5:9: sections[0].scores[0].key: ") == true)
    }
}
