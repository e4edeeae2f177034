import PlexusCore
@testable import PlexusScoring
import Testing

@Suite("LLM relevance filter")
struct LLMRelevanceTests {
    /// Four turns, each longer than half a 100-character piece, so every turn is its own piece;
    /// turns 2 and 4 mention a refund, turn 1 holds the thank-you the tree looks for.
    static let lines = [
        "Agent: Hello, thank you for calling Acme support, my name is Sam.",
        "Customer: I bought the premium plan and I would like a refund now.",
        "Agent: I understand, let me pull up the account details for you.",
        "Customer: Please send the refund to the card I used for the order.",
    ]
    static let transcript = lines.joined(separator: "\n")

    static func settings(topic: String = "refund", otherwise: String? = nil, relevance: Bool = true) -> JSONValue {
        let otherwiseField = otherwise.map { #", "otherwise": "\#($0)""# } ?? ""
        let block = relevance ? #""relevance": {"llm": {"user": "Does this part of the call mention \"\#(topic)\"? Answer Yes or No.\n{{text}}", "max_chars": 100}\#(otherwiseField)},"# : ""
        return LLMFixture.json(#"""
        {"type": "llm", "start": "thanked", \#(block)
         "nodes": {"thanked": {"kind": "classifier",
           "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No."}}}
        """#)
    }

    static func priced(_ configuration: inout LLMConfiguration) {
        configuration.prices = ["fake": ModelPrice(promptPerMillion: 2, completionPerMillion: 8)]
    }

    @Test("Without the filter the tree sees the thank-you turn")
    func control() async throws {
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(Self.settings(relevance: false), LLMFixture.item(Self.transcript), client: client)
        }
        #expect(result.value == "Yes")
    }

    @Test("Only the relevant pieces, joined in order, reach the tree")
    func relevantPiecesOnly() async throws {
        let (filtered, direct) = try await LLMFixture.withFake { client, _ in
            let filtered = try await LLMFixture.classify(Self.settings(), LLMFixture.item(Self.transcript), client: client)
            // The same tree on the two refund turns asks exactly the question the filtered run asked: a cache hit.
            let kept = LLMFixture.item(Self.lines[1] + "\n" + Self.lines[3])
            return (filtered, try await LLMFixture.classify(Self.settings(relevance: false), kept, client: client))
        }
        #expect(filtered.value == "No")
        #expect(filtered.explanation == "relevance: 2/4 pieces relevant; thanked: No -> No")
        #expect(filtered.detail?["relevance"]?["kept"] == .array([.number(2), .number(4)]))
        #expect(direct.usage.calls == 0 && direct.usage.cachedCalls == 1)
    }

    @Test("With otherwise and no relevant piece the tree is not asked")
    func otherwiseSkipsTree() async throws {
        let (result, requests) = try await LLMFixture.withFake { client, running in
            let result = try await LLMFixture.classify(Self.settings(topic: "cancel", otherwise: "No"), LLMFixture.item(Self.transcript), client: client)
            return (result, await running.stats.requests)
        }
        #expect(result.value == "No")
        #expect(result.explanation == "relevance: no relevant piece -> No")
        #expect(requests == Self.lines.count)
        #expect(result.usage.calls == Self.lines.count)
    }

    @Test("Without otherwise and no relevant piece the tree runs on the empty text")
    func emptyTextWithoutOtherwise() async throws {
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(Self.settings(topic: "cancel"), LLMFixture.item(Self.transcript), client: client)
        }
        #expect(result.value == "No")
        #expect(result.explanation.hasPrefix("relevance: 0/4 pieces relevant; thanked: No"))
        #expect(result.usage.calls == Self.lines.count + 1)
    }

    @Test("Usage and cost are the relevance questions' plus the tree's")
    func usageAddsUp() async throws {
        let input = LLMFixture.item(Self.transcript)
        let whole = try await LLMFixture.withFake(configure: Self.priced) { client, _ in
            try await LLMFixture.classify(Self.settings(), input, client: client)
        }.usage
        let questions = try await LLMFixture.withFake(configure: Self.priced) { client, _ in
            let settings = try SettingsDecoder.decode(LLMSettings.self, from: Self.settings())
            return try await LLMRelevanceFilter(settings.relevance!.llm!, client: client, model: nil).filter(Self.transcript, input: input).usage
        }
        let tree = try await LLMFixture.withFake(configure: Self.priced) { client, _ in
            try await LLMFixture.classify(Self.settings(relevance: false), LLMFixture.item(Self.lines[1] + "\n" + Self.lines[3]), client: client)
        }.usage
        #expect(questions.calls == Self.lines.count && questions.cost > 0)
        #expect(whole.calls == questions.calls + tree.calls)
        #expect(whole.promptTokens == questions.promptTokens + tree.promptTokens)
        #expect(whole.completionTokens == questions.completionTokens + tree.completionTokens)
        #expect(abs(whole.cost - (questions.cost + tree.cost)) < 1e-12)
    }

    @Test("A rerun answers every question from the cache")
    func cachedRerun() async throws {
        let (first, second) = try await LLMFixture.withFake { client, _ in
            (try await LLMFixture.classify(Self.settings(), LLMFixture.item(Self.transcript), client: client),
             try await LLMFixture.classify(Self.settings(), LLMFixture.item(Self.transcript), client: client))
        }
        #expect(first.usage.calls == Self.lines.count + 1)
        #expect(second.usage.calls == 0 && second.usage.cachedCalls == first.usage.calls)
        #expect(second.value == first.value && second.explanation == first.explanation)
    }

    @Test("Relevant pieces are joined one line break apart, in order")
    func joinedText() {
        let outcome = LLMRelevanceFilter.Outcome(pieces: ["a\n", "b\n", "c"], answers: ["Yes", "No", "Yes"], usage: Usage())
        #expect(outcome.relevantText == "a\nc")
        #expect(LLMRelevanceFilter.Outcome(pieces: ["a"], answers: ["No"], usage: Usage()).relevantText == nil)
    }
}
