import Foundation
import PlexusClient
import PlexusCore
import PlexusFakeLLM
import PlexusScoring

/// A live Plexus server, the fake LLM server and a client, with the small `qa-code` scorecard
/// pushed: rules, an LLM prompt and a conditional logic score.
struct ScoringScene: Sendable {
    let server: LiveServer
    let client: PlexusClient
    let llm: ChatCompletionsClient

    static let scorecard = """
        key: qa-code
        name: QA as code
        sections:
          - name: All
            scores:
              - key: greeting
                name: Greeting
                classifier:
                  type: rules
                  scope: Agent
                  outcomes:
                    - class: Yes
                      when: {phrase: "thank you for calling"}
                  default: No
              - key: polite
                name: Polite
                classifier:
                  type: llm
                  start: ask
                  nodes:
                    ask:
                      kind: classifier
                      user: "{{text}}\\n\\nDid the agent say \\"please\\"? Answer Yes or No."
              - key: warm
                name: Warm
                depends_on:
                  - score: greeting
                    when: [Yes]
                classifier:
                  type: logic
                  outcomes:
                    - class: Yes
                      when: "scores.polite == 'Yes' or metadata.minutes < 2"
                  default: No
        """

    /// Items with their true labels; `bad` adds an unreadable row on line 3.
    static func itemsFile(bad: Bool = false) throws -> String {
        var lines = [
            #"{"id":"i1","text":"Agent: thank you for calling, please hold\nCustomer: ok","metadata":{"minutes":5},"labels":{"greeting":"Yes","polite":"Yes","warm":"Yes"}}"#,
            #"{"id":"i2","text":"Agent: hello\nCustomer: help me","metadata":{"minutes":1},"labels":{"greeting":"No","polite":"No","warm":"No"}}"#,
            #"{"id":"i3","text":"Agent: thank you for calling\nCustomer: hi","metadata":{"minutes":9},"labels":{"greeting":"Yes","polite":"No","warm":"No"}}"#,
            #"{"id":"i4","text":"Agent: yes?\nCustomer: now","metadata":{"minutes":3},"labels":{"greeting":"Yes","polite":"No","warm":"No"}}"#,
        ]
        if bad { lines.insert(#"{"id":"broken""#, at: 2) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scene-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs `body` with a fresh scene.
    static func run(_ body: @escaping @Sendable (ScoringScene) async throws -> Void) async throws {
        try await LiveServer.run { server in
            try await FakeLLMServer().withRunning { fake in
                var configuration = LLMConfiguration()
                configuration.baseURL = fake.baseURL
                configuration.model = "gpt-4o-mini"
                let llm = ChatCompletionsClient(configuration: configuration)
                let client = try server.client()
                do {
                    _ = try await client.scorecards.pushVersion(source: scorecard)
                    try await body(ScoringScene(server: server, client: client, llm: llm))
                } catch {
                    await client.shutdown()
                    try? await llm.shutdown()
                    throw error
                }
                await client.shutdown()
                try await llm.shutdown()
            }
        }
    }

    func session(version: Int? = nil) async throws -> ScoringSession {
        try await ScoringSession.open(client: client, scorecard: "qa-code", version: version, llm: llm)
    }
}
