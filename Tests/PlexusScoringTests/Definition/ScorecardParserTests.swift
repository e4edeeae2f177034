import PlexusCore
import PlexusScoring
import Testing

@Suite("Scorecard parser: valid files")
struct ScorecardParserTests {
    @Test("A valid file gives the scorecard's fields and sections")
    func scorecardFields() throws {
        let scorecard = try testParser().parse(callQAYAML(), file: "call-qa.yaml")
        #expect(scorecard.key == "call-qa")
        #expect(scorecard.name == "Call QA")
        #expect(scorecard.description == "Quality checks for support calls")
        #expect(scorecard.sections.map(\.name) == ["Opening", "Resolution"])
        #expect(scorecard.allScores.map(\.key) == ["identity", "greeting", "outcome"])
    }

    @Test("Omitted classes default to Yes/No with Yes positive")
    func defaultClasses() throws {
        let identity = try #require(try testParser().parse(callQAYAML(), file: "call-qa.yaml").score("identity"))
        #expect(identity.classes == ["Yes", "No"])
        #expect(identity.positiveClass == "Yes")
    }

    @Test("A multi-class score has no default positive class")
    func multiClass() throws {
        let outcome = try #require(try testParser().parse(callQAYAML(), file: "call-qa.yaml").score("outcome"))
        #expect(outcome.classes == ["Resolved", "Escalated", "Dropped"])
        #expect(outcome.positiveClass == nil)
    }

    @Test("Dependencies read in both forms")
    func dependencies() throws {
        let scorecard = try testParser().parse(callQAYAML(), file: "call-qa.yaml")
        #expect(scorecard.score("greeting")?.dependsOn == [ScoreDependency(score: "identity", when: ["Yes"])])
        #expect(scorecard.score("outcome")?.dependsOn == [ScoreDependency(score: "greeting")])
    }

    @Test("The classifier block is kept whole as JSON, type included")
    func classifierBlock() throws {
        let outcome = try #require(try testParser().parse(callQAYAML(), file: "call-qa.yaml").score("outcome"))
        let expected: JSONValue = .object([
            "type": .string("keyword"), "threshold": .number(0.5),
            "outcomes": .array([.object(["value": .string("Resolved"), "when": .string("fixed")])]),
        ])
        #expect(outcome.classifier == expected)
        #expect(outcome.classifierType == "keyword")
    }

    @Test("Parsing the same YAML twice gives equal definitions")
    func reparse() throws {
        let first = try testParser().parse(callQAYAML(), file: "call-qa.yaml")
        let second = try testParser().parse(callQAYAML(), file: "elsewhere.yaml")
        #expect(first == second)
    }

    @Test("A changed file gives a different definition")
    func changedFile() throws {
        let first = try testParser().parse(callQAYAML(), file: "call-qa.yaml")
        let edited = callQAYAML().replacingOccurrences(of: "when: hello", with: "when: good morning")
        #expect(try testParser().parse(edited, file: "call-qa.yaml") != first)
    }

    @Test("Numeric classes read as written")
    func numericClasses() throws {
        let yaml = scorecardYAML(scores: """
                  - key: rating
                    name: Rating
                    classes: [1, 2, 3.0]
                    classifier: {type: keyword, outcomes: []}
            """)
        let rating = try #require(try testParser().parse(yaml, file: "x.yaml").score("rating"))
        #expect(rating.classes == ["1", "2", "3.0"])
    }
}
