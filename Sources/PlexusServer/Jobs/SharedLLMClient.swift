import PlexusScoring

/// The one LLM client a job runner's jobs share, created on first use so a server that never runs
/// a job opens no connection pool and no response cache.
actor SharedLLMClient {
    private let configuration: LLMConfiguration
    private let observer: (any LLMCallObserver)?
    private var client: ChatCompletionsClient?

    init(configuration: LLMConfiguration, observer: (any LLMCallObserver)? = nil) {
        self.configuration = configuration
        self.observer = observer
    }

    /// The client, created the first time it is asked for.
    func get() -> ChatCompletionsClient {
        if let client { return client }
        let made = ChatCompletionsClient(configuration: configuration, observer: observer)
        client = made
        return made
    }

    /// Closes the client if one was made.
    func shutdown() async throws {
        try await client?.shutdown()
        client = nil
    }
}
