import PlexusCore
import PlexusScoring
import Testing

@Suite("Rules settings validation")
struct RulesValidationTests {
    @Test("A valid block has no problems")
    func valid() {
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["any": [["phrase": "hi"], ["regex": "\\d+"]]], scope: "agent")).isEmpty)
    }

    @Test("A class that is not the score's is reported at its outcome")
    func unknownClass() {
        let block: JSONValue = ["type": "rules", "outcomes": [["class": "Yes", "when": ["phrase": "a"]], ["class": "Maybe", "when": ["phrase": "b"]]], "default": "No"]
        #expect(RulesFixtures.problems(block) == ["outcomes[1].class"])
    }

    @Test("A default that is not the score's class is reported")
    func unknownDefault() {
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["phrase": "a"]), classes: ["Yes", "Pass"]) == ["default"])
    }

    @Test("An invalid regular expression is reported at its path")
    func badRegex() {
        let problems = RulesFixtures.problems(RulesFixtures.block(when: ["any": [["phrase": "a"], ["regex": "(unclosed"]]]))
        #expect(problems == ["outcomes[0].when.any[1].regex"])
    }

    @Test("Empty phrases and empty lists are reported")
    func emptyConditions() {
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["phrase": " "])) == ["outcomes[0].when.phrase"])
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["phrases": ["ok", ""]])) == ["outcomes[0].when.phrases[1]"])
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["all": []])) == ["outcomes[0].when.all"])
    }

    @Test("A condition with no test or two tests is reported")
    func testCount() {
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["scope": "agent"])) == ["outcomes[0].when"])
        #expect(RulesFixtures.problems(RulesFixtures.block(when: ["phrase": "a", "regex": "b"])) == ["outcomes[0].when"])
    }

    @Test("Unknown fields are reported where they are")
    func unknownFields() {
        let block: JSONValue = ["type": "rules", "outcomes": [["class": "Yes", "when": ["not": ["phrase": "a", "case": true]]]], "default": "No", "extra": 1]
        #expect(RulesFixtures.problems(block) == ["extra", "outcomes[0].when.not.case"])
    }

    @Test("Missing outcomes and default are reported")
    func missingFields() {
        #expect(RulesFixtures.problems(["type": "rules"]) == ["default", "outcomes"])
    }

    @Test("Building from an invalid block throws")
    func buildThrows() async {
        await #expect(throws: (any Error).self) {
            _ = try await RulesClassifierKind().makeClassifier(["type": "rules"], for: RulesFixtures.score(), context: ClassifierContext())
        }
    }

    @Test("The standard registry knows the rules type")
    func registered() {
        #expect(ClassifierRegistry.standard.kind("rules") != nil)
    }
}
