import PlexusCore
import PlexusScoring
import Testing

@Suite("Rules classifier")
struct RulesClassifierTests {
    @Test("A phrase matches ignoring case and extra whitespace")
    func phraseIgnoresCaseAndSpacing() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "THANK  you for\tcalling"]))
        #expect(result.value == "Yes")
        #expect(result.confidence == 1)
    }

    @Test("A phrase matches whole words only")
    func phraseRespectsWordBoundaries() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "acm"]))
        #expect(result.value == "No")
    }

    @Test("Any phrase of a list is enough")
    func phrasesList() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrases": ["good afternoon", "good morning"]]))
        #expect(result.value == "Yes")
        #expect(result.explanation.contains("phrase \"good morning\""))
    }

    @Test("A regular expression matches, ignoring case")
    func regex() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["regex": "MY NAME IS \\w+"]))
        #expect(result.value == "Yes")
        #expect(result.explanation.contains("\"My name is Dana\""))
    }

    @Test("Scope limits the search to one speaker's turns")
    func scopeLimitsSpeaker() async throws {
        let agent = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "can't verify"], scope: "agent"))
        let customer = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "can't verify"], scope: "Customer"))
        #expect(agent.value == "No")
        #expect(customer.value == "Yes")
    }

    @Test("A condition's scope replaces the block's")
    func conditionScopeOverrides() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "can't verify", "scope": "customer"], scope: "agent"))
        #expect(result.value == "Yes")
    }

    @Test("All needs every condition, and not needs its condition to fail")
    func allAndNot() async throws {
        let agentOnly = RulesFixtures.block(when: ["all": [["phrase": "verify"], ["not": ["phrase": "can't verify"]]]], scope: "agent")
        let everyone = RulesFixtures.block(when: ["all": [["phrase": "verify"], ["not": ["phrase": "can't verify"]]]])
        #expect(try await RulesFixtures.classify(agentOnly).value == "Yes")
        #expect(try await RulesFixtures.classify(everyone).value == "No")
    }

    @Test("The first outcome that holds wins")
    func firstOutcomeWins() async throws {
        let block: JSONValue = [
            "type": "rules",
            "outcomes": [["class": "No", "when": ["phrase": "refund"]], ["class": "Yes", "when": ["phrase": "acme"]], ["class": "No", "when": ["phrase": "dana"]]],
            "default": "No",
        ]
        let result = try await RulesFixtures.classify(block)
        #expect(result.value == "Yes")
        #expect(result.explanation.hasPrefix("Yes: outcomes[1] held"))
    }

    @Test("The default applies when no outcome holds")
    func defaultApplies() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "refund"]))
        #expect(result.value == "No")
        #expect(result.explanation == "No: no outcome held (default).")
    }

    @Test("The explanation names the rule, the matched text, the turn and its context")
    func explanation() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["any": [["phrase": "refund"], ["phrase": "thank you for calling"]]], scope: "agent"))
        #expect(result.explanation == #"Yes: outcomes[0] held: any[1] phrase "thank you for calling" matched "thank you for calling" in Agent turn 1: "Agent: Good morning, thank you for calling Acme. My name is Dana.""#)
    }

    @Test("Context is cut to 30 characters either side of the match")
    func longContextIsCut() async throws {
        let filler = String(repeating: "word ", count: 20)
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "refund"]), text: "Agent: \(filler)refund \(filler)")
        let context = String(filler.suffix(30)) + "refund" + String((" " + filler).prefix(30))
        #expect(result.explanation.hasSuffix("in Agent turn 1: \"…\(context)…\""))
    }

    @Test("Without scope the turn is still found from where the match is")
    func turnFoundWithoutScope() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["phrase": "let me verify"]))
        #expect(result.explanation.contains("in Agent turn 3"))
    }

    @Test("Detail lists each match with its path and turn")
    func detail() async throws {
        let result = try await RulesFixtures.classify(RulesFixtures.block(when: ["all": [["phrase": "acme"], ["not": ["phrase": "refund"]]]]))
        let matches = result.detail?["matches"]
        guard case .array(let items)? = matches else {
            Issue.record("no matches in \(String(describing: result.detail))")
            return
        }
        #expect(items.count == 2)
        #expect(items[0]["path"] == "all[0]")
        #expect(items[0]["text"] == "Acme")
        #expect(items[0]["turn"] == 1)
        #expect(items[1]["path"] == "all[1]")
        #expect(items[1]["text"] == .null)
    }
}
