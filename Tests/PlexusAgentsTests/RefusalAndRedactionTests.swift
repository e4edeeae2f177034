import Foundation
import PlexusAgents
import PlexusCore
import Testing

@Suite("Refusals, redaction and project settings")
struct RefusalAndRedactionTests {
    static func answer(_ text: String?, finish: String? = "stop", toolCalls: [LogToolCall] = [], success: Bool = true) -> LogEntry {
        var entry = LogEntry(source: "test", timestamp: Date(timeIntervalSince1970: 0), original: .null)
        entry.responseText = text
        entry.finishReason = finish
        entry.responseToolCalls = toolCalls
        entry.success = success
        return entry
    }

    static func detect(_ entry: LogEntry, _ signals: ProviderSignals = ProviderSignals()) -> Refusal {
        RefusalDetector().detect(entry, signals: signals)
    }

    @Test("Provider signals come first, then phrases, then the output's shape; each says which layer decided")
    func layers() {
        #expect(Self.detect(Self.answer("Here you go."), ProviderSignals(refusalText: "I can't.")).layer == .providerSignal)
        #expect(Self.detect(Self.answer("", finish: "content_filter")) == Refusal(kind: .guardrail, layer: .providerSignal, evidence: "finish_reason content_filter"))
        #expect(Self.detect(Self.answer("", finish: "refusal")).kind == .hard)
        #expect(Self.detect(Self.answer("", finish: "SAFETY")).kind == .guardrail)
        #expect(Self.detect(Self.answer(nil), ProviderSignals(blockReason: "OTHER")).kind == .guardrail)
        #expect(Self.detect(Self.answer("I’m sorry, but I can’t share account passwords.")) == Refusal(kind: .hard, layer: .phrase, evidence: "i'm sorry, but i can't"))
        #expect(Self.detect(Self.answer("   ")) == Refusal(kind: .empty, layer: .output, evidence: "no text and no tool calls"))
        #expect(Self.detect(Self.answer(nil, toolCalls: [LogToolCall(id: nil, name: "search", arguments: "{}")])).kind == .none)
        #expect(Self.detect(Self.answer("The first three steps are", finish: "length")).kind == .truncated)
        // Without a logged answer, an empty answer says nothing.
        #expect(Self.detect(Self.answer(nil), ProviderSignals(responseKept: false)).kind == .none)
    }

    @Test("Sympathy and idioms are not refusals; a refusal inside a long answer is partial", arguments: [
        ("I'm sorry to hear that your order is late. It ships tomorrow.", Refusal.Kind.none),
        ("I can't help but notice the invoice is from March.", .none),
        ("I can't wait to see it working!", .none),
        ("I cannot help with that request.", .hard),
        ("As an AI language model, I cannot give legal advice.", .hard),
        ("Here is the summary you asked for, covering the three orders, the refunds and the delivery dates for each store in the region. I'm unable to include the customer's phone number.", .partial),
        ("I can't share the customer's card number. However, here is everything else you asked for: the order was placed on the 3rd, paid by card, shipped on the 4th by courier, delivered on the 6th to the front desk, signed for by the receptionist, and the return window closes at the end of the month.", .partial),
        ("Cannot-help-withs aside, this is fine.", .none),
    ])
    func phrases(_ text: String, _ kind: Refusal.Kind) {
        #expect(Self.detect(Self.answer(text)).kind == kind, "\(text)")
    }

    @Test("E-mail addresses, Luhn-valid card numbers and phone numbers are redacted; other numbers stay")
    func redaction() {
        let (text, counts) = TextRedactor().redact(
            "Mail jane.doe+orders@example.co.uk or call +1 (415) 555-0134; card 4111 1111 1111 1111, not 4111 1111 1111 1112; order 12345.")
        // Sixteen digits that fail the Luhn check are neither a card nor a phone number.
        #expect(text == "Mail [email] or call [phone]; card [card], not 4111 1111 1111 1112; order 12345.")
        #expect(counts == TextRedactor.Counts(emails: 1, cards: 1, phones: 1))
        #expect(TextRedactor().redact("nothing to see").text == "nothing to see")
    }

    @Test("Project settings default to the seed's values, read the environment, and refuse what is out of range by name")
    func settings() throws {
        #expect(try ProjectSettings.defaults(environment: [:]) == ProjectSettings.builtIn)
        #expect(ProjectSettings.builtIn.confidenceThreshold == 0.7 && ProjectSettings.builtIn.evaluationScheduleCron == "0 2 * * 0")
        let changed = try ProjectSettings.defaults(environment: ["CONFIDENCE_THRESHOLD": "0.8", "DEFAULT_REPLAY_SAMPLE_SIZE": "250"])
        #expect(changed.confidenceThreshold == 0.8 && changed.defaultReplaySampleSize == 250 && changed.judgeDisagreementThreshold == 0.3)
        #expect(throws: DomainError.invalid(field: "CONFIDENCE_THRESHOLD", message: "CONFIDENCE_THRESHOLD='high' is not a number.")) {
            try ProjectSettings.defaults(environment: ["CONFIDENCE_THRESHOLD": "high"])
        }
        var settings = ProjectSettings.builtIn
        settings.judgeDisagreementThreshold = 1.5
        #expect { try settings.check() } throws: { Self.field(of: $0) == "settings.judgeDisagreementThreshold" }
        settings = .builtIn
        settings.evaluationScheduleCron = "every sunday"
        #expect { try settings.check() } throws: { Self.field(of: $0) == "settings.evaluationScheduleCron" }
    }

    static func field(of error: any Error) -> String? {
        guard case let .invalid(field, _)? = error as? DomainError else { return nil }
        return field
    }
}

@Suite("Log statistics")
struct LogStatsTests {
    @Test("Per-model calls, errors, refusal rate, NumPy's percentiles of latency, tokens and exact cost")
    func perModel() {
        func entry(_ model: String, latency: Double, success: Bool = true, refusal: Refusal.Kind = .none, cost: String = "0.001") -> LogEntry {
            var entry = LogEntry(source: "test", timestamp: Date(timeIntervalSince1970: latency), original: .null)
            entry.respondedModel = model
            entry.latencyMilliseconds = latency
            entry.success = success
            entry.refusal = Refusal(kind: refusal, layer: refusal == .none ? nil : .phrase)
            entry.usage = LogUsage(inputTokens: 10, outputTokens: 2)
            entry.costUSD = Decimal(string: cost)
            return entry
        }
        let stats = LogStats([
            entry("a", latency: 100), entry("a", latency: 200, refusal: .hard), entry("a", latency: 300, success: false), entry("a", latency: 400, refusal: .empty),
            entry("b", latency: 50, cost: "0.1"),
        ])
        #expect(stats.logs == 5 && stats.costUSD == Decimal(string: "0.104"))
        #expect(stats.refusalsByKind == ["hard": 1, "empty": 1] && stats.refusalsByLayer == ["phrase": 2])
        #expect(stats.firstCall == Date(timeIntervalSince1970: 50) && stats.lastCall == Date(timeIntervalSince1970: 400))
        #expect(stats.models.map(\.model) == ["a", "b"])
        let a = stats.models[0]
        // numpy.percentile([100, 200, 300, 400], [50, 95, 99]) = [250.0, 384.99999999999994, 397.0], to the last bit
        #expect(a.calls == 4 && a.errors == 1 && a.errorRate == 0.25 && a.refusalRate == 0.25)
        #expect(a.latencyP50 == 250 && a.latencyP95 == 384.99999999999994 && a.latencyP99 == 397)
        #expect(a.inputTokens == 40 && a.outputTokens == 8 && a.costUSD == Decimal(string: "0.004"))
    }
}
