import ArgumentParser
import Foundation
import PlexusScoring

/// Options for scorecards with `llm` classifiers; flags override the PLEXUS_LLM_* environment.
struct LLMOptions: ParsableArguments {
    @Option(help: "OpenAI-compatible base URL, e.g. https://api.openai.com/v1 (env PLEXUS_LLM_BASE_URL).")
    var llmBaseURL: String?

    @Option(help: "Model name (env PLEXUS_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "Directory of the LLM response cache (env PLEXUS_LLM_CACHE_DIR; default ./.plexus/llm-cache).")
    var llmCacheDir: String?

    /// The configuration: defaults, then the environment, then these flags.
    var configuration: LLMConfiguration {
        var configuration = LLMConfiguration(environment: ProcessInfo.processInfo.environment)
        if let llmBaseURL { configuration.baseURL = llmBaseURL }
        if let llmModel { configuration.model = llmModel }
        configuration.cacheDirectory = llmCacheDir ?? configuration.cacheDirectory ?? ".plexus/llm-cache"
        return configuration
    }

    /// Runs `body` with an LLM client, shutting it down afterwards.
    func withLLM<T: Sendable>(_ body: (ChatCompletionsClient) async throws -> T) async throws -> T {
        let client = ChatCompletionsClient(configuration: configuration)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
