/// A local server that speaks the OpenAI chat-completions wire format, for tests, benchmarks and
/// the README walkthrough (no hosted LLM is reachable from here).
public struct FakeLLMServer: Sendable {
    /// Creates the server description.
    public init() {}
}
