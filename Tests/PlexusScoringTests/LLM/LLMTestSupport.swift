import Foundation
import PlexusCore
import PlexusFakeLLM
@testable import PlexusScoring
import Testing

/// A clock that records waits instead of sleeping; `now` advances by the recorded waits.
actor RecordingClock: LLMClock {
    private(set) var sleeps: [Duration] = []
    private var elapsed: Duration = .zero

    func now() async -> Duration { elapsed }

    func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        sleeps.append(duration)
        elapsed += duration
    }
}

/// Test fixtures for the `llm` classifier.
enum LLMFixture {
    /// Parses JSON text (settings are easier to read as JSON than as nested enum cases).
    static func json(_ text: String) -> JSONValue {
        try! JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func score(classes: [String] = ["Yes", "No"], positive: String? = "Yes", classifier: JSONValue) -> ScoreDefinition {
        ScoreDefinition(key: "greeting", name: "Greeting", classes: classes, positiveClass: positive, classifier: classifier)
    }

    static func item(_ text: String, metadata: [String: JSONValue] = [:]) -> ClassifierInput {
        ClassifierInput(item: ScoringItem(id: "item-1", text: text, metadata: metadata))
    }

    static let thanked = "Agent: Hello, thank you for calling Acme. How can I help?\nCustomer: I want a refund.\nAgent: Sure, I can do that."
    static let notThanked = "Agent: Hello, Acme support. How can I help?\nCustomer: I want a refund.\nAgent: Sure, I can do that."

    /// A two-node tree: ask whether the agent thanked the caller, then ask for the quote and verify it.
    static let thankedTree = json(#"""
    {"type": "llm", "start": "thanked", "nodes": {
      "thanked": {"kind": "classifier", "system": "You are a QA analyst.",
                  "user": "Transcript:\n{{text}}\n\nDid the agent say \"thank you for calling\"? Answer Yes or No.",
                  "next": {"Yes": "quote", "No": {"class": "No"}}},
      "quote": {"kind": "extractor", "user": "Quote the sentence where the agent says \"thank you for calling\":\n{{text}}",
                "verify": {"threshold": 0.85}, "next": {"verified": {"class": "Yes"}, "unverified": {"class": "No"}}}
    }}
    """#)

    /// Runs `body` with a fresh fake server and a client pointed at it; the client is shut down afterwards.
    static func withFake<T: Sendable>(
        server: FakeLLMConfiguration = FakeLLMConfiguration(), clock: RecordingClock = RecordingClock(),
        configure: @Sendable (inout LLMConfiguration) -> Void = { _ in },
        _ body: @Sendable (ChatCompletionsClient, RunningFakeLLM) async throws -> T
    ) async throws -> T {
        try await FakeLLMServer(configuration: server).withRunning { running in
            var configuration = LLMConfiguration(baseURL: running.baseURL, model: "fake", initialBackoff: .milliseconds(500))
            configure(&configuration)
            let client = ChatCompletionsClient(configuration: configuration, clock: clock, jitter: { 0.5 })
            do {
                let result = try await body(client, running)
                try await client.shutdown()
                return result
            } catch {
                try await client.shutdown()
                throw error
            }
        }
    }

    /// Builds the `llm` classifier for `settings` on `client` and classifies `input`.
    static func classify(
        _ settings: JSONValue, _ input: ClassifierInput, client: ChatCompletionsClient, classes: [String] = ["Yes", "No"]
    ) async throws -> Classification {
        let score = score(classes: classes, classifier: settings)
        let problems = LLMClassifierKind().validate(settings, for: score)
        try #require(problems.isEmpty, "fixture settings are invalid: \(problems)")
        let classifier = try await LLMClassifierKind().makeClassifier(settings, for: score, context: ClassifierContext(llm: client))
        return try await classifier.classify(input)
    }
}
