import ArgumentParser
import PlexusFakeLLM

/// Runs the local OpenAI-compatible stand-in server.
@main
struct FakeLLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plexus-fake-llm", abstract: "Serve a deterministic OpenAI-compatible chat-completions endpoint on loopback.")

    func run() async throws {
        _ = FakeLLMServer()
    }
}
