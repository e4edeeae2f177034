import ArgumentParser
import Foundation
import PlexusFakeLLM

/// Runs the local OpenAI-compatible stand-in server until SIGINT or SIGTERM.
@main
struct FakeLLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus-fake-llm", abstract: "Serve a deterministic OpenAI-compatible chat-completions endpoint on loopback."
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free one.") var port = 8089
    @Option(name: .customLong("latency-ms"), help: "Latency added to every answer, in milliseconds.") var latencyMilliseconds = 0
    @Option(help: "Faults for every request, e.g. '429x1,slow=50' (see docs/classifiers/llm.md).") var faults = ""
    @Option(name: .customLong("retry-after"), help: "Retry-After seconds sent with 429 answers.") var retryAfterSeconds = 1

    func run() async throws {
        let server = FakeLLMServer(configuration: FakeLLMConfiguration(
            host: host, port: port, latencyMilliseconds: latencyMilliseconds, faults: faults, retryAfterSeconds: retryAfterSeconds
        ))
        // Written unbuffered, so scripts waiting for the port see it at once.
        try await server.run { port in
            FileHandle.standardOutput.write(Data("plexus-fake-llm listening on http://\(host):\(port)/v1\n".utf8))
        }
    }
}
