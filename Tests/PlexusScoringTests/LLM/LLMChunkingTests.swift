import PlexusCore
@testable import PlexusScoring
import Testing

@Suite("LLM chunking and relevance")
struct LLMChunkingTests {
    static func transcript(lines: Int, special: Int? = nil) -> String {
        (1...lines).map { $0 == special ? "Agent: Thank you for calling, line \($0)." : "Customer: This is ordinary line number \($0)." }
            .joined(separator: "\n")
    }

    static func chunkedTree(combine: String) -> JSONValue {
        LLMFixture.json(#"""
        {"type": "llm", "start": "thanked", "chunking": {"max_chars": 400, "overlap": 100, "combine": "\#(combine)"},
         "nodes": {"thanked": {"kind": "classifier",
           "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No."}}}
        """#)
    }

    @Test("Chunks break at line boundaries, stay within max_chars and overlap")
    func chunkBoundaries() {
        let text = Self.transcript(lines: 40)
        let chunks = TextChunker(maxChars: 400, overlap: 100).chunks(of: text)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.count <= 400 })
        #expect(chunks.allSatisfy { $0.hasPrefix("Customer: ") })
        let firstLast = chunks[0].split(separator: "\n").last!
        #expect(chunks[1].contains(firstLast))
        #expect(chunks.last!.hasSuffix("line number 40."))
    }

    @Test("A carried-over tail never pushes a chunk past max_chars, and no chunk repeats the whole previous one")
    func tailFitsAndAdvances() {
        let short = "Agent: " + String(repeating: "a", count: 20) + "\n"
        let long = "Customer: " + String(repeating: "b", count: 80) + "\n"
        let text = short + long + short + long + short
        let chunks = TextChunker(maxChars: 100, overlap: 60).chunks(of: text)
        #expect(chunks.allSatisfy { $0.count <= 100 })
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(!next.hasPrefix(previous))
        }
        #expect(chunks.last!.hasSuffix(short))
    }

    @Test("A line longer than a chunk is split at whitespace")
    func longLine() {
        let line = Array(repeating: "word", count: 200).joined(separator: " ")
        let chunks = TextChunker(maxChars: 100, overlap: 0).chunks(of: line)
        #expect(chunks.allSatisfy { $0.count <= 100 })
        #expect(chunks.joined() == line)
    }

    @Test("Combine any: one positive chunk makes the item positive")
    func combineAny() {
        let combined = ChunkCombiner(rule: .any, positiveClass: "Yes").combine([("No", 0.9), ("Yes", 0.7), ("No", 0.8)])
        #expect(combined.value == "Yes" && combined.confidence == 0.7)
    }

    @Test("Combine all: one negative chunk makes the item negative")
    func combineAll() {
        let combined = ChunkCombiner(rule: .all, positiveClass: "Yes").combine([("Yes", 0.9), ("No", 0.6), ("Yes", 0.8)])
        #expect(combined.value == "No" && combined.confidence == 0.6)
    }

    @Test("Combine majority: the most common class, with the share as confidence")
    func combineMajority() {
        let combined = ChunkCombiner(rule: .majority, positiveClass: "Yes").combine([("B", nil), ("A", nil), ("A", nil)])
        #expect(combined.value == "A" && combined.confidence == 2.0 / 3.0)
    }

    @Test("Combine max_confidence: the surest chunk decides")
    func combineMaxConfidence() {
        let combined = ChunkCombiner(rule: .maxConfidence, positiveClass: "Yes").combine([("A", 0.6), ("B", 0.95), ("C", nil)])
        #expect(combined.value == "B" && combined.confidence == 0.95)
    }

    @Test("A phrase in one chunk only: any finds it, all does not")
    func chunkedClassification() async throws {
        let input = LLMFixture.item(Self.transcript(lines: 40, special: 38))
        let (any, all) = try await LLMFixture.withFake { client, _ in
            (try await LLMFixture.classify(Self.chunkedTree(combine: "any"), input, client: client),
             try await LLMFixture.classify(Self.chunkedTree(combine: "all"), input, client: client))
        }
        #expect(any.value == "Yes")
        #expect(all.value == "No")
        #expect(any.explanation.hasSuffix("=> any: Yes"))
        #expect(any.usage.calls > 1)
        // The second classifier asks exactly the same chunk questions, so it pays nothing.
        #expect(all.usage.calls == 0 && all.usage.cachedCalls == any.usage.calls)
    }

    @Test("Relevance keeps keyword lines with their window")
    func relevanceWindow() {
        let text = "a\nb\nrefund please\nc\nd"
        #expect(RelevanceFilter(keywords: ["REFUND"], window: 1).relevantText(of: text) == "b\nrefund please\nc")
        #expect(RelevanceFilter(keywords: ["cancel"], window: 1).relevantText(of: text) == nil)
    }

    @Test("Without relevant lines the otherwise class is returned without a call")
    func relevanceOtherwise() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "thanked", "relevance": {"keywords": ["cancel"], "otherwise": "No"},
         "nodes": {"thanked": {"kind": "classifier", "user": "{{text}}\nDid the agent say \"thank you\"? Answer Yes or No."}}}
        """#)
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked), client: client)
        }
        #expect(result.value == "No")
        #expect(result.usage == Usage())
    }
}
