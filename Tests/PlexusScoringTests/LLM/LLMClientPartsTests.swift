import Foundation
@testable import PlexusScoring
import Testing

@Suite("LLM client parts")
struct LLMClientPartsTests {
    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryBackoff.parseRetryAfter("2", now: now) == .seconds(2))
        #expect(RetryBackoff.parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryBackoff.parseRetryAfter("soon", now: now) == nil)
    }

    @Test("Backoff doubles per retry and is capped; Retry-After is capped too")
    func backoff() {
        let backoff = RetryBackoff(initial: .seconds(1), maximum: .seconds(5))
        #expect(backoff.delay(beforeRetry: 1, retryAfter: nil, jitter: 1) == .seconds(1))
        #expect(backoff.delay(beforeRetry: 3, retryAfter: nil, jitter: 0) == .seconds(2))
        #expect(backoff.delay(beforeRetry: 9, retryAfter: nil, jitter: 1) == .seconds(5))
        #expect(backoff.delay(beforeRetry: 1, retryAfter: .seconds(60), jitter: 0) == .seconds(5))
    }

    @Test("The token bucket lets a burst through, then spaces requests at the rate")
    func tokenBucket() async {
        let bucket = TokenBucket(requestsPerMinute: 60)
        for _ in 0..<6 { #expect(await bucket.reserve(at: .zero) == .zero) }
        #expect(await bucket.reserve(at: .zero) == .seconds(1))
        #expect(await bucket.reserve(at: .zero) == .seconds(2))
    }

    @Test("The environment fills base URL, key, model and limits")
    func environment() {
        let configuration = LLMConfiguration(environment: [
            "PLEXUS_LLM_BASE_URL": "http://127.0.0.1:8089/v1", "OPENAI_API_KEY": "sk-test", "PLEXUS_LLM_MODEL": "gpt-4o",
            "PLEXUS_LLM_MAX_CONCURRENCY": "64", "PLEXUS_LLM_RPM": "bogus", "PLEXUS_LLM_LOGPROBS": "true",
        ])
        #expect(configuration.completionsURL == "http://127.0.0.1:8089/v1/chat/completions")
        #expect(configuration.apiKey == "sk-test")
        #expect(configuration.model == "gpt-4o")
        #expect(configuration.maxConcurrency == 64)
        #expect(configuration.requestsPerMinute == nil)
        #expect(configuration.logprobs)
    }

    @Test("PLEXUS_LLM_API_KEY wins over OPENAI_API_KEY")
    func keyPrecedence() {
        let configuration = LLMConfiguration(environment: ["PLEXUS_LLM_API_KEY": "plexus", "OPENAI_API_KEY": "openai"])
        #expect(configuration.apiKey == "plexus")
    }

    @Test("Cache keys are the SHA-256 of the request body in lowercase hex")
    func cacheKey() {
        // Known digest of "abc" (FIPS 180-2 example).
        #expect(ResponseCache.key(for: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
