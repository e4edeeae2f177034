import PlexusCore
import PlexusFakeLLM
@testable import PlexusScoring
import Testing

@Suite("LLM prompt tree")
struct LLMTreeTests {
    @Test("A Yes answer leads to a verified quote and the class Yes, explained by the path")
    func verifiedPath() async throws {
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(LLMFixture.thankedTree, LLMFixture.item(LLMFixture.thanked), client: client)
        }
        #expect(result.value == "Yes")
        #expect(result.explanation.hasPrefix("thanked: Yes -> quote: \"Hello, thank you for calling Acme.\" (verified 1.00) -> Yes"))
        #expect(result.usage.calls == 2)
    }

    @Test("A No answer finishes at once with one call")
    func noPath() async throws {
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(LLMFixture.thankedTree, LLMFixture.item(LLMFixture.notThanked), client: client)
        }
        #expect(result.value == "No")
        #expect(result.explanation == "thanked: No -> No")
        #expect(result.usage.calls == 1)
    }

    @Test("An unreadable answer is asked again with a corrective message")
    func reask() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "model": "fake+ramble", "start": "thanked", "nodes": {"thanked": {"kind": "classifier",
         "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No."}}}
        """#)
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked), client: client)
        }
        #expect(result.value == "Yes")
        #expect(result.usage.calls == 2)
    }

    @Test("Re-asking stops after max_reasks and names the node")
    func reaskBounded() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "model": "fake+ramble5", "start": "thanked", "nodes": {"thanked": {"kind": "classifier", "max_reasks": 1,
         "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No."}}}
        """#)
        await #expect(throws: LLMTreeError.self) {
            try await LLMFixture.withFake { client, _ in
                _ = try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked), client: client)
            }
        }
    }

    @Test("An invented quote fails verification and takes the unverified edge")
    func inventedQuote() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "quote", "nodes": {"quote": {"kind": "extractor",
         "user": "Quote the sentence where the agent says \"thank you for calling\":\n{{text}}",
         "verify": {}, "next": {"verified": {"class": "Yes"}, "unverified": {"class": "No"}}}}}
        """#)
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.notThanked), client: client)
        }
        #expect(result.value == "No")
        #expect(result.explanation.contains("(unverified"))
    }

    @Test("A logical node branches on an earlier node's answer without a model call")
    func logicalNode() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "thanked", "nodes": {
          "thanked": {"kind": "classifier", "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No.",
                      "next": {"default": "gate"}},
          "gate": {"kind": "logical", "when": {"node": "thanked", "equals": "yes"},
                   "next": {"true": {"class": "Yes"}, "false": {"class": "No"}}}}}
        """#)
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked), client: client)
        }
        #expect(result.value == "Yes")
        #expect(result.explanation == "thanked: Yes -> gate: true -> Yes")
        #expect(result.usage.calls == 1)
    }

    @Test("Templates read metadata and the fake picks the class the hints name")
    func metadataTemplate() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "channel", "nodes": {"channel": {"kind": "classifier", "parse": "class",
         "classes": ["Phone", "Email", "Chat"],
         "user": "Hints: {{metadata.source.channel}}\nWhich channel is this, one of [Phone, Email, Chat]?"}}}
        """#)
        let input = LLMFixture.item("Agent: Hi.", metadata: ["source": .object(["channel": .string("email")])])
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(settings, input, client: client, classes: ["Phone", "Email", "Chat"])
        }
        #expect(result.value == "Email")
    }

    @Test("With log-probabilities the confidence is the chosen token's share of the class tokens")
    func logprobConfidence() async throws {
        let result = try await LLMFixture.withFake(configure: { $0.logprobs = true }) { client, _ in
            try await LLMFixture.classify(LLMFixture.thankedTree, LLMFixture.item(LLMFixture.notThanked), client: client)
        }
        // The fake reports p(No) = 0.90 and p(Yes) = 0.08 (and 0.02 for a newline token, which is no class).
        let confidence = try #require(result.confidence)
        #expect(abs(confidence - 0.90 / 0.98) < 1e-9)
    }

    @Test("Without log-probabilities there is no confidence")
    func noConfidence() async throws {
        let result = try await LLMFixture.withFake { client, _ in
            try await LLMFixture.classify(LLMFixture.thankedTree, LLMFixture.item(LLMFixture.notThanked), client: client)
        }
        #expect(result.confidence == nil)
    }

    @Test("A logical node may test a logic expression over node answers and metadata")
    func logicalExpression() async throws {
        let settings = LLMFixture.json(#"""
        {"type": "llm", "start": "thanked", "nodes": {
          "thanked": {"kind": "classifier", "user": "{{text}}\nDid the agent say \"thank you for calling\"? Answer Yes or No.",
                      "next": {"default": "gate"}},
          "gate": {"kind": "logical", "when": "scores.thanked == 'Yes' and metadata.minutes > 5",
                   "next": {"true": {"class": "Yes"}, "false": {"class": "No"}}}}}
        """#)
        let (long, short) = try await LLMFixture.withFake { client, _ in
            (try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked, metadata: ["minutes": .number(9)]), client: client),
             try await LLMFixture.classify(settings, LLMFixture.item(LLMFixture.thanked, metadata: ["minutes": .number(2)]), client: client))
        }
        #expect(long.value == "Yes")
        #expect(short.value == "No")
    }
}
