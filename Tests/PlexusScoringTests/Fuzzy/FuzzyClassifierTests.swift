import PlexusCore
import PlexusScoring
import Testing

@Suite("Fuzzy classifier")
struct FuzzyClassifierTests {
    private static let transcript = """
        Agent: Hi, this call might be recorded for quality and training.
        Customer: Sure, please verify my account.
        """

    private func block(_ phrases: [String], match: String = "all", threshold: Double = 0.8, method: String = "edit_distance") -> JSONValue {
        [
            "type": "fuzzy", "scope": "agent", "phrases": .array(phrases.map(JSONValue.string)), "method": .string(method),
            "threshold": .number(threshold), "match": .string(match), "matched_class": "Yes", "unmatched_class": "No",
        ]
    }

    private func score() -> ScoreDefinition {
        ScoreDefinition(key: "disclosure", name: "Disclosure", classes: ["Yes", "No"], positiveClass: "Yes", classifier: .null)
    }

    private func classify(_ block: JSONValue) async throws -> Classification {
        let classifier = try await FuzzyClassifierKind().makeClassifier(block, for: score(), context: ClassifierContext())
        return try await classifier.classify(ClassifierInput(item: ScoringItem(id: "1", text: Self.transcript)))
    }

    @Test("A phrase said imperfectly reaches the threshold")
    func matched() async throws {
        let result = try await classify(block(["this call may be recorded for quality and training purposes"], threshold: 0.7))
        #expect(result.value == "Yes")
        #expect(result.explanation.contains("best window \"this call might be recorded for quality and training\" in Agent turn 1"))
    }

    @Test("Confidence grows from 0.5 at the threshold to 1 at an exact match")
    func confidenceMapping() async throws {
        let result = try await classify(block(["this call may be recorded for quality and training purposes"], threshold: 0.5))
        let similarity = try #require(result.detail?["phrases"].flatMap { if case .array(let items) = $0 { items.first?["similarity"]?.numberValue } else { nil } })
        #expect(abs(try #require(result.confidence) - (0.5 + 0.5 * (similarity - 0.5) / 0.5)) < 1e-12)
    }

    @Test("Scope hides the other speaker's words")
    func scope() async throws {
        let result = try await classify(block(["please verify my account"]))
        #expect(result.value == "No")
    }

    @Test("all needs every phrase; any needs one")
    func matchModes() async throws {
        let phrases = ["this call may be recorded", "please hold the line"]
        #expect(try await classify(block(phrases, match: "all")).value == "No")
        #expect(try await classify(block(phrases, match: "any")).value == "Yes")
    }

    @Test("Token-set matching ignores word order")
    func tokenSet() async throws {
        let result = try await classify(block(["for quality and training this call might be recorded"], threshold: 0.99, method: "token_set"))
        #expect(result.value == "Yes")
        #expect(result.confidence == 1)
    }

    @Test("Validation reports each bad field at its path")
    func validation() {
        let bad: JSONValue = [
            "type": "fuzzy", "phrases": ["ok", "..."], "method": "soundex", "threshold": 1.5, "match": "most",
            "matched_class": "Yes", "unmatched_class": "Maybe", "extra": 1,
        ]
        let paths = FuzzyClassifierKind().validate(bad, for: score()).map(\.path).sorted()
        #expect(paths == ["extra", "match", "method", "phrases[1]", "threshold", "unmatched_class"])
        #expect(FuzzyClassifierKind().validate(block(["hello"]), for: score()).isEmpty)
    }

    @Test("The standard registry knows the fuzzy type")
    func registered() {
        #expect(ClassifierRegistry.standard.kind("fuzzy") != nil)
    }
}
