import Foundation
import PlexusFakeLLM
@testable import PlexusScoring
import Testing

@Suite("Chat-completions client")
struct ChatCompletionsClientTests {
    static func question(_ phrase: String = "thank you for calling") -> ChatRequest {
        ChatRequest(messages: [.user("\(LLMFixture.thanked)\nDid the agent say \"\(phrase)\"? Answer Yes or No.")])
    }

    @Test("A 429 is retried after the server's Retry-After")
    func retryAfter() async throws {
        let clock = RecordingClock()
        let completion = try await LLMFixture.withFake(server: FakeLLMConfiguration(faults: "429x1", retryAfterSeconds: 3), clock: clock) { client, _ in
            try await client.complete(Self.question())
        }
        #expect(completion.response.content == "Yes")
        #expect(await clock.sleeps == [.seconds(3)])
    }

    @Test("A 429 named by the model is retried too")
    func retryAfterFromModelName() async throws {
        let clock = RecordingClock()
        let request = ChatRequest(model: "fake+fail-429-then-ok", messages: Self.question().messages)
        let completion = try await LLMFixture.withFake(clock: clock) { client, _ in try await client.complete(request) }
        #expect(completion.response.content == "Yes")
        #expect(await clock.sleeps == [.seconds(1)])
    }

    @Test("500s are retried with exponential backoff, then the answer arrives")
    func serverErrorsRetried() async throws {
        let clock = RecordingClock()
        let completion = try await LLMFixture.withFake(server: FakeLLMConfiguration(faults: "500x2"), clock: clock) { client, running in
            let completion = try await client.complete(Self.question())
            #expect(await running.stats.requests == 3)
            return completion
        }
        #expect(completion.response.content == "Yes")
        // Initial backoff 0.5 s with jitter 0.5: half fixed plus half of the half, doubling per retry.
        #expect(await clock.sleeps == [.milliseconds(375), .milliseconds(750)])
    }

    @Test("A response that is not JSON gives a clear error after bounded retries")
    func malformedResponse() async throws {
        let error = await #expect(throws: LLMError.self) {
            try await LLMFixture.withFake(server: FakeLLMConfiguration(faults: "malformedx9")) { client, _ in
                _ = try await client.complete(Self.question())
            }
        }
        guard case .retriesExhausted(let attempts, _, let last) = error, case .malformedResponse = last else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(attempts == 2)
        #expect(error?.description.contains("not chat-completions JSON") == true)
    }

    @Test("A slow answer times out")
    func timeout() async throws {
        let error = await #expect(throws: LLMError.self) {
            try await LLMFixture.withFake(server: FakeLLMConfiguration(latencyMilliseconds: 1000), configure: {
                $0.timeout = .milliseconds(100)
                $0.maxRetries = 0
            }) { client, _ in
                _ = try await client.complete(Self.question())
            }
        }
        #expect(error == .timedOut(after: .milliseconds(100)))
    }

    @Test("Asking again answers from the cache at no cost")
    func cacheHit() async throws {
        let (first, second, requests) = try await LLMFixture.withFake { client, running in
            (try await client.complete(Self.question()), try await client.complete(Self.question()), await running.stats.requests)
        }
        #expect(requests == 1)
        #expect(first.usage.calls == 1 && first.usage.cachedCalls == 0)
        #expect(second.usage == Usage(cachedCalls: 1))
        #expect(second.response == first.response)
    }

    @Test("A new client with the same cache directory answers from disk")
    func diskCache() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-llm-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let requests = try await LLMFixture.withFake(configure: { $0.cacheDirectory = directory }) { client, running in
            _ = try await client.complete(Self.question())
            let again = ChatCompletionsClient(configuration: client.configuration)
            let cached = try await again.complete(Self.question())
            try await again.shutdown()
            #expect(cached.isCached)
            return await running.stats.requests
        }
        #expect(requests == 1)
    }

    @Test("Cost comes from the price table and the response's usage")
    func cost() async throws {
        let completion = try await LLMFixture.withFake(configure: {
            $0.prices = ["fake": ModelPrice(promptPerMillion: 1.5, completionPerMillion: 4)]
        }) { client, _ in try await client.complete(Self.question()) }
        let usage = completion.usage
        #expect(usage.promptTokens > 0 && usage.completionTokens > 0)
        #expect(abs(usage.cost - (Double(usage.promptTokens) * 1.5 + Double(usage.completionTokens) * 4) / 1_000_000) < 1e-15)
    }

    @Test("No more requests are in flight than the concurrency limit")
    func concurrencyLimit() async throws {
        let maxInFlight = try await LLMFixture.withFake(server: FakeLLMConfiguration(latencyMilliseconds: 50), configure: { $0.maxConcurrency = 3 }) { client, running in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask { _ = try await client.complete(Self.question("phrase \(index)")) }
                }
                try await group.waitForAll()
            }
            return await running.stats.maxInFlight
        }
        #expect(maxInFlight == 3)
    }

    @Test("Past the burst, the requests-per-minute limit spaces requests out")
    func rateLimit() async throws {
        let clock = RecordingClock()
        try await LLMFixture.withFake(clock: clock, configure: { $0.requestsPerMinute = 60 }) { client, _ in
            // 60 per minute allows a burst of 6, then one per second.
            for index in 0..<8 { _ = try await client.complete(Self.question("phrase \(index)")) }
        }
        #expect(await clock.sleeps == [.seconds(1), .seconds(1)])
    }
}
