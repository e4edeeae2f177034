import Foundation
import PlexusFakeLLM
import PlexusScoring
import Synchronization
import Testing

/// Collects the calls a client reports.
final class CallLog: LLMCallObserver {
    private let calls = Mutex<[LLMCall]>([])
    var all: [LLMCall] { calls.withLock { $0 } }
    func llmCallEnded(_ call: LLMCall) { calls.withLock { $0.append(call) } }
}

@Suite("LLM calls are reported to an observer")
struct LLMCallObserverTests {
    @Test("An answered call reports its provider, model, tokens and cost; the same call again is a cache hit; an unreadable answer is a rejection")
    func reported() async throws {
        let log = CallLog()
        try await FakeLLMServer(configuration: FakeLLMConfiguration()).withRunning { running in
            var configuration = LLMConfiguration(baseURL: running.baseURL, model: "gpt-4o-mini")
            configuration.prices = ["gpt-4o-mini": ModelPrice(promptPerMillion: 0.15, completionPerMillion: 0.6)]
            configuration.maxMalformedRetries = 1
            let client = ChatCompletionsClient(configuration: configuration, observer: log)
            let request = ChatCompletionsClientTests.question()
            _ = try await client.complete(request)
            _ = try await client.complete(request)
            await #expect(throws: (any Error).self) {
                try await client.complete(ChatRequest(model: "fake+malformedx10", messages: request.messages))
            }
            try await client.shutdown()
        }
        let calls = log.all
        #expect(calls.map(\.outcome) == [.ok, .cached, .rejected])
        #expect(calls[0].provider == "127.0.0.1" && calls[0].model == "gpt-4o-mini")
        #expect(calls[0].inputTokens > 0 && calls[0].outputTokens > 0 && calls[0].costUSD > 0 && calls[0].duration > .zero)
        #expect(calls[1].inputTokens == 0 && calls[1].costUSD == 0)
    }
}
