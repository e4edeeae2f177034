import PlexusCore
import PlexusScoring
import Testing

@Suite("Scorecard definition to draft")
struct ScorecardDraftTests {
    private func draft() throws -> ScorecardDraft {
        try testParser().parse(callQAYAML(), file: "call-qa.yaml").draft
    }

    @Test("The draft carries the scorecard's fields and sections")
    func scorecardFields() throws {
        let draft = try draft()
        #expect(draft.key == "call-qa")
        #expect(draft.name == "Call QA")
        #expect(draft.description == "Quality checks for support calls")
        #expect(draft.sections.map(\.name) == ["Opening", "Resolution"])
        #expect(draft.sections.map { $0.scores.map(\.key) } == [["identity", "greeting"], ["outcome"]])
    }

    @Test("Each score draft has classes and positive class written out and the classifier as JSON")
    func scoreFields() throws {
        let identity = try #require(try draft().sections.first?.scores.first)
        let expectedClassifier: JSONValue = .object([
            "type": .string("keyword"), "outcomes": .array([.object(["value": .string("Yes"), "when": .string("date of birth")])]),
        ])
        #expect(identity == ScoreDraft(key: "identity", name: "Caller identity verified", classes: ["Yes", "No"], positiveClass: "Yes", classifier: expectedClassifier))
    }

    @Test("The draft passes PlexusCore's own validation")
    func validates() throws {
        try draft().validate()
    }
}
