import PlexusFakeLLM
import Testing

@Suite("Fake model policy")
struct FakeModelTests {
    static func ask(_ user: String, system: String? = nil) -> String {
        FakeModel.answer(to: (system.map { [(role: "system", content: $0)] } ?? []) + [(role: "user", content: user)])
    }

    @Test("Yes when the quoted phrase occurs in the transcript, ignoring case")
    func yesWhenPresent() {
        #expect(Self.ask("Agent: THANK YOU for calling.\nDid the agent say \"thank you for calling\"? Answer Yes or No.") == "Yes")
    }

    @Test("No when the phrase occurs only in the question")
    func noWhenOnlyQuoted() {
        #expect(Self.ask("Agent: Hello.\nDid the agent say \"thank you for calling\"? Answer Yes or No.") == "No")
    }

    @Test("A choice picks the first listed class named outside the list")
    func choice() {
        #expect(Self.ask("Hints: refund, billing\nWhich topic, one of [Billing, Refund, Other]?") == "Billing")
    }

    @Test("A choice with no class named falls back to the last class")
    func choiceFallback() {
        #expect(Self.ask("Agent: Hello.\nWhich topic, one of [Billing, Refund, Other]?") == "Other")
    }

    @Test("How many counts the phrase outside quotes")
    func count() {
        #expect(Self.ask("Agent: sorry. Sorry!\nCustomer: ok\nHow many times did the agent say \"sorry\"?") == "2")
    }

    @Test("A quote request returns the sentence containing the phrase")
    func quote() {
        #expect(Self.ask("Agent: Hi there. Thank you for calling Acme! Bye.\nQuote where the agent says \"thank you for calling\".") == "Thank you for calling Acme!")
    }

    @Test("A quote of a missing phrase is invented")
    func inventedQuote() {
        let answer = Self.ask("Agent: Hi there.\nQuote where the agent says \"thank you for calling\".")
        #expect(answer.contains("thank you for calling") && !answer.hasPrefix("Hi"))
    }

    @Test("A quote without a phrase returns the named speaker's first turn")
    func quoteSpeaker() {
        #expect(Self.ask("Quote the Agent's greeting:\nCustomer: Hello?\nAgent: Welcome to Acme.") == "Welcome to Acme.")
    }

    @Test("Prompts mentioning JSON get the answer as a JSON object")
    func json() {
        #expect(Self.ask("Agent: hi\nReply in JSON. Did the agent say \"hi\"? Answer Yes or No.") == #"{"answer":"Yes"}"#)
    }

    @Test("The system message is read with the first user message")
    func systemMessage() {
        #expect(Self.ask("Agent: thanks a lot", system: "Did the agent say \"thanks\"? Answer Yes or No.") == "Yes")
    }

    @Test("Fault directives parse from model names")
    func faultPlan() {
        let plan = FaultPlan("gpt-4o+429x2+slow=30+ramble2", separators: "+")
        #expect(plan.rateLimited == 2 && plan.extraLatencyMilliseconds == 30 && plan.rambleUntilAssistantMessages == 2)
        #expect(FaultPlan("fail-500-then-ok").serverErrors == 1)
        #expect(FaultPlan("gpt-4o-mini", separators: "+") == FaultPlan())
    }
}
