extension LLMConfiguration {
    /// Reads the environment over the defaults: `PLEXUS_LLM_BASE_URL`, `PLEXUS_LLM_API_KEY` (else
    /// `OPENAI_API_KEY`), `PLEXUS_LLM_MODEL`, `PLEXUS_LLM_MAX_CONCURRENCY`, `PLEXUS_LLM_RPM`,
    /// `PLEXUS_LLM_TIMEOUT_SECONDS`, `PLEXUS_LLM_MAX_RETRIES`, `PLEXUS_LLM_CACHE_DIR`,
    /// `PLEXUS_LLM_LOGPROBS` (`1`/`true`) and `PLEXUS_LLM_SEND_SEED` (`0`/`false` turns it off).
    /// Values that do not parse are ignored (the default stays); CLI flags are applied after this.
    public init(environment: [String: String]) {
        self.init()
        func nonEmpty(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func flag(_ key: String) -> Bool? {
            guard let value = nonEmpty(key)?.lowercased() else { return nil }
            if ["1", "true", "yes", "on"].contains(value) { return true }
            if ["0", "false", "no", "off"].contains(value) { return false }
            return nil
        }
        if let value = nonEmpty("PLEXUS_LLM_BASE_URL") { baseURL = value }
        apiKey = nonEmpty("PLEXUS_LLM_API_KEY") ?? nonEmpty("OPENAI_API_KEY")
        if let value = nonEmpty("PLEXUS_LLM_MODEL") { model = value }
        if let value = nonEmpty("PLEXUS_LLM_MAX_CONCURRENCY").flatMap(Int.init), value > 0 { maxConcurrency = value }
        if let value = nonEmpty("PLEXUS_LLM_RPM").flatMap(Int.init), value > 0 { requestsPerMinute = value }
        if let value = nonEmpty("PLEXUS_LLM_TIMEOUT_SECONDS").flatMap(Double.init), value > 0, value.isFinite { timeout = .seconds(min(value, 86_400)) }
        if let value = nonEmpty("PLEXUS_LLM_MAX_RETRIES").flatMap(Int.init), value >= 0 { maxRetries = value }
        if let value = nonEmpty("PLEXUS_LLM_CACHE_DIR") { cacheDirectory = value }
        if let value = flag("PLEXUS_LLM_LOGPROBS") { logprobs = value }
        if let value = flag("PLEXUS_LLM_SEND_SEED") { sendSeed = value }
    }
}
