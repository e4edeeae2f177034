import PlexusCore
@testable import PlexusScoring
import Testing

@Suite("LLM relevance filter validation")
struct LLMRelevanceValidationTests {
    static func problems(relevance: String) -> [SettingsProblem] {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "a", "relevance": \#(relevance),
         "nodes": {"a": {"kind": "classifier", "user": "{{text}} Yes or No?"}}}
        """#)
        return LLMClassifierKind().validate(settings, for: LLMFixture.score(classifier: settings))
    }

    static func paths(_ relevance: String) -> [String] { problems(relevance: relevance).map(\.path) }

    @Test("An LLM filter with a {{text}} question is valid")
    func valid() {
        #expect(Self.paths(#"{"llm": {"user": "Refund? Yes or No.\n{{text}}", "system": "For {{metadata.team}}", "max_chars": 2000}, "otherwise": "No"}"#).isEmpty)
    }

    @Test("The question is required")
    func missingUser() {
        #expect(Self.paths(#"{"llm": {"max_chars": 2000}}"#) == ["relevance.llm.user"])
    }

    @Test("A question that does not read {{text}} is reported")
    func withoutText() {
        #expect(Self.paths(#"{"llm": {"user": "Refund? Yes or No."}}"#) == ["relevance.llm.user"])
    }

    @Test("The question cannot read node answers or scores")
    func treeVariables() {
        #expect(Self.paths(#"{"llm": {"user": "{{text}} {{nodes.a.answer}}", "system": "{{scores.intent}}"}}"#) == ["relevance.llm.system", "relevance.llm.user"])
    }

    @Test("A malformed template is reported at its field")
    func unclosed() {
        #expect(Self.paths(#"{"llm": {"user": "{{text"}}"#) == ["relevance.llm.user"])
    }

    @Test("max_chars outside its range is reported")
    func maxChars() {
        let problems = Self.problems(relevance: #"{"llm": {"user": "{{text}}", "max_chars": 50}}"#)
        #expect(problems.map(\.path) == ["relevance.llm.max_chars"])
        #expect(problems.first?.message.contains("50") == true)
    }

    @Test("keywords and llm together are reported at relevance")
    func exclusive() {
        #expect(Self.paths(#"{"keywords": ["refund"], "llm": {"user": "{{text}}"}}"#) == ["relevance"])
    }

    @Test("window with an LLM filter is reported")
    func window() {
        #expect(Self.paths(#"{"llm": {"user": "{{text}}"}, "window": 1}"#) == ["relevance.window"])
    }

    @Test("Unknown fields of relevance and relevance.llm are reported")
    func unknownFields() {
        #expect(Self.paths(#"{"llm": {"user": "{{text}}", "prompt": "x"}, "otherwse": "No"}"#) == ["relevance.otherwse", "relevance.llm.prompt"])
    }

    @Test("An otherwise that is not a class is reported")
    func otherwise() {
        #expect(Self.paths(#"{"llm": {"user": "{{text}}"}, "otherwise": "Maybe"}"#) == ["relevance.otherwise"])
    }
}
