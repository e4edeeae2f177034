import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Calls an OpenAI-compatible `/chat/completions` endpoint for every LLM classifier of a run.
///
/// One client per provider is shared by all classifiers: it owns the HTTP connection pool, the
/// concurrency limit, the requests-per-minute limit, the retry policy and the response cache.
/// Call ``shutdown()`` when the run ends.
public final class ChatCompletionsClient: Sendable {
    /// The provider settings this client was built with.
    public let configuration: LLMConfiguration
    let httpClient: HTTPClient
    private let semaphore: AsyncSemaphore
    private let bucket: TokenBucket?
    private let cache: ResponseCache
    private let clock: any LLMClock
    private let backoff: RetryBackoff
    private let jitter: @Sendable () -> Double
    private let logger: Logger
    private let observer: (any LLMCallObserver)?

    /// Creates a client; `clock` and `jitter` are injectable so tests can observe waits without
    /// sleeping, and `observer` is told about every call (e.g. for metrics).
    public init(
        configuration: LLMConfiguration, clock: any LLMClock = SystemLLMClock(),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }, logger: Logger = Logger(label: "plexus.llm"),
        observer: (any LLMCallObserver)? = nil
    ) {
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        // The pool must allow at least as many connections as requests in flight, or requests queue
        // inside the HTTP client and the concurrency limit stops meaning throughput.
        httpConfiguration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(configuration.maxConcurrency, 8)
        )
        httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        semaphore = AsyncSemaphore(permits: configuration.maxConcurrency)
        bucket = configuration.requestsPerMinute.map { TokenBucket(requestsPerMinute: $0) }
        cache = ResponseCache(directory: configuration.cacheDirectory)
        self.clock = clock
        backoff = RetryBackoff(initial: configuration.initialBackoff, maximum: configuration.maxBackoff)
        self.jitter = jitter
        self.logger = logger
        self.observer = observer
    }

    /// Sends `request` (or answers it from the cache) and returns the response with its usage and cost.
    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let body = ChatRequestBody(request, configuration: configuration)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(body)
        // The endpoint is part of the key, so answers cached from one provider (say the local fake)
        // are never served for another that happens to use the same model name.
        let key = ResponseCache.key(for: Data(configuration.completionsURL.utf8) + data)
        let started = ContinuousClock.now
        if let cached = await cache.response(for: key) {
            observe(body.model, .cached, since: started)
            return ChatCompletion(response: cached, usage: Usage(cachedCalls: 1), model: body.model)
        }
        let response: ChatResponse
        do {
            response = try await sendWithRetries(data)
        } catch let error as LLMError {
            observe(body.model, error.isTransient || error.isExhaustedRetries ? .failed : .rejected, since: started)
            throw error
        }
        await cache.store(response, for: key)
        let cost = configuration.prices[body.model]?.cost(promptTokens: response.promptTokens, completionTokens: response.completionTokens) ?? 0
        let usage = Usage(promptTokens: response.promptTokens, completionTokens: response.completionTokens, cost: cost, calls: 1)
        observe(body.model, .ok, inputTokens: response.promptTokens, outputTokens: response.completionTokens, cost: cost, since: started)
        return ChatCompletion(response: response, usage: usage, model: body.model)
    }

    private func observe(
        _ model: String, _ outcome: LLMCall.Outcome, inputTokens: Int = 0, outputTokens: Int = 0, cost: Double = 0, since started: ContinuousClock.Instant
    ) {
        guard let observer else { return }
        let provider = URL(string: configuration.baseURL)?.host ?? configuration.baseURL
        observer.llmCallEnded(LLMCall(
            provider: provider, model: model, outcome: outcome, inputTokens: inputTokens, outputTokens: outputTokens, costUSD: cost,
            duration: ContinuousClock.now - started))
    }

    /// Closes the connection pool; call once, when no request is in flight.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }

    private func sendWithRetries(_ data: Data) async throws -> ChatResponse {
        var transientRetries = 0
        var malformedRetries = 0
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await sendOnce(data)
            } catch let error as LLMError {
                let retry: Int
                if error.isTransient, transientRetries < configuration.maxRetries {
                    transientRetries += 1
                    retry = transientRetries
                } else if case .malformedResponse = error, malformedRetries < configuration.maxMalformedRetries {
                    malformedRetries += 1
                    retry = malformedRetries
                } else if attempts > 1 {
                    throw LLMError.retriesExhausted(attempts: attempts, url: configuration.completionsURL, last: error)
                } else {
                    throw error
                }
                let wait = backoff.delay(beforeRetry: retry, retryAfter: error.retryAfter, jitter: jitter())
                logger.debug("LLM call failed; retrying", metadata: ["error": "\(error)", "wait": "\(wait)"])
                try await clock.sleep(for: wait)
            }
        }
    }

    private func sendOnce(_ data: Data) async throws -> ChatResponse {
        // The rate token is taken only once a slot is held, so requests that waited for a slot cannot
        // all go out together and exceed the rate.
        try await semaphore.withPermit {
            if let bucket {
                try await clock.sleep(for: await bucket.reserve(at: await clock.now()))
            }
            return try await post(data)
        }
    }
}
