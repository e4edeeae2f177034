import PlexusServer
import Testing

@Suite("Job runner configuration")
struct JobConfigurationTests {
    @Test("serve reads the LLM provider from the PLEXUS_LLM_* environment and caches under .plexus by default")
    func llmFromEnvironment() throws {
        let configured = try ServerConfiguration.resolve(environment: ["PLEXUS_LLM_BASE_URL": "http://127.0.0.1:9/v1", "PLEXUS_LLM_MODEL": "tiny"])
        #expect(configured.llm.baseURL == "http://127.0.0.1:9/v1" && configured.llm.model == "tiny")
        #expect(configured.llm.cacheDirectory == ".plexus/llm-cache")
        let cached = try ServerConfiguration.resolve(environment: ["PLEXUS_LLM_CACHE_DIR": "/tmp/llm"])
        #expect(cached.llm.cacheDirectory == "/tmp/llm")
    }
}
