import PlexusCore
@testable import PlexusScoring
import Testing

@Suite("LLM classifier validation")
struct LLMValidationTests {
    static func problems(_ json: String, classes: [String] = ["Yes", "No"]) -> [SettingsProblem] {
        let settings = LLMFixture.json(json)
        return LLMClassifierKind().validate(settings, for: LLMFixture.score(classes: classes, classifier: settings))
    }

    static func paths(_ json: String) -> [String] { problems(json).map(\.path) }

    @Test("The standard registry knows the llm type")
    func registered() {
        #expect(ClassifierRegistry.standard.kind("llm") != nil)
    }

    @Test("The fixture tree is valid")
    func valid() {
        let settings = LLMFixture.thankedTree
        #expect(LLMClassifierKind().validate(settings, for: LLMFixture.score(classifier: settings)).isEmpty)
    }

    @Test("An unknown start node is reported at start")
    func unknownStart() {
        #expect(Self.paths(#"{"type": "llm", "start": "nope", "nodes": {"a": {"kind": "classifier", "user": "Yes or No?"}}}"#) == ["start"])
    }

    @Test("An unknown next target is reported at its edge")
    func unknownTarget() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "x", "next": {"Yes": "b", "No": {"class": "No"}}}}}"#) == ["nodes.a.next.Yes"])
    }

    @Test("A cycle is reported with the nodes on it")
    func cycle() {
        let problems = Self.problems(#"""
        {"type": "llm", "start": "a", "nodes": {
          "a": {"kind": "classifier", "user": "x", "next": {"Yes": "b", "No": {"class": "No"}}},
          "b": {"kind": "classifier", "user": "y", "next": {"Yes": "a", "No": {"class": "No"}}}}}
        """#)
        #expect(problems.map(\.path) == ["nodes.a.next"])
        #expect(problems.first?.message.contains("a -> b -> a") == true)
    }

    @Test("A final class that is not one of the score's classes is reported")
    func unknownClass() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "x", "next": {"Yes": {"class": "Maybe"}, "No": {"class": "No"}}}}}"#) == ["nodes.a.next.Yes.class"])
    }

    @Test("An unclosed template brace is reported at the prompt")
    func unclosedTemplate() {
        let problems = Self.problems(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "Transcript: {{text"}}}"#)
        #expect(problems.map(\.path) == ["nodes.a.user"])
        #expect(problems.first?.message.contains("Unclosed") == true)
    }

    @Test("An unknown template variable root is reported at the prompt")
    func unknownVariable() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "system": "{{item.text}}", "user": "x"}}}"#) == ["nodes.a.system"])
    }

    @Test("A template reading an unknown node is reported")
    func unknownNodeVariable() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "{{nodes.zz.answer}}"}}}"#) == ["nodes.a.user"])
    }

    @Test("An unknown parse kind is reported at parse")
    func unknownParse() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "x", "parse": "maybe"}}}"#) == ["nodes.a.parse"])
    }

    @Test("parse: class without classes is reported")
    func classWithoutClasses() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "x", "parse": "class", "next": {"default": {"class": "No"}}}}}"#) == ["nodes.a.classes"])
    }

    @Test("A logical node testing an unknown node is reported")
    func logicalUnknownNode() {
        #expect(Self.paths(#"{"type": "llm", "start": "g", "nodes": {"g": {"kind": "logical", "when": {"node": "x", "equals": "Yes"}, "next": {"true": {"class": "Yes"}, "false": {"class": "No"}}}}}"#) == ["nodes.g.when.node"])
    }

    @Test("Chunk overlap beyond half the chunk is reported")
    func chunkOverlap() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "chunking": {"max_chars": 1000, "overlap": 600}, "nodes": {"a": {"kind": "classifier", "user": "x"}}}"#) == ["chunking.overlap"])
    }

    @Test("A template reading a score this one does not depend on is reported")
    func undeclaredScore() {
        #expect(Self.paths(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "{{scores.intent}} Yes or No?"}}}"#) == ["nodes.a.user"])
    }

    @Test("A template may read a score this one depends on")
    func declaredScore() {
        let settings = LLMFixture.json(#"{"type": "llm", "start": "a", "nodes": {"a": {"kind": "classifier", "user": "{{scores.intent.value}} Yes or No?"}}}"#)
        var score = LLMFixture.score(classifier: settings)
        score.dependsOn = [ScoreDependency(score: "intent")]
        #expect(LLMClassifierKind().validate(settings, for: score).isEmpty)
    }

    @Test("A logic expression reading an unknown score or node is reported at when")
    func expressionUnknownName() {
        #expect(Self.paths(#"{"type": "llm", "start": "g", "nodes": {"g": {"kind": "logical", "when": "scores.nope == 'Yes'", "next": {"true": {"class": "Yes"}, "false": {"class": "No"}}}}}"#) == ["nodes.g.when"])
    }

    @Test("A logic expression that does not parse is reported at when")
    func expressionSyntax() {
        #expect(Self.paths(#"{"type": "llm", "start": "g", "nodes": {"g": {"kind": "logical", "when": "metadata.x ==", "next": {"true": {"class": "Yes"}, "false": {"class": "No"}}}}}"#) == ["nodes.g.when"])
    }
}
