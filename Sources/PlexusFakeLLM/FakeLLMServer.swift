import Hummingbird
import Logging
import UnixSignals

/// A local server that speaks the OpenAI chat-completions wire format, for tests, benchmarks and
/// the README walkthrough (no hosted LLM is reachable from here). It answers deterministically
/// from the prompt (see ``FakeModel``) and injects faults on request (see ``FaultPlan``).
public struct FakeLLMServer: Sendable {
    /// How the server listens and misbehaves.
    public let configuration: FakeLLMConfiguration
    /// What the server has seen.
    public let stats = FakeLLMStats()
    private let logger: Logger

    /// Creates the server; nothing listens until ``run(gracefulShutdownSignals:onRunning:)``.
    public init(configuration: FakeLLMConfiguration = FakeLLMConfiguration(), logger: Logger = Logger(label: "plexus.fake-llm")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves `POST /v1/chat/completions` (and `/chat/completions`) until cancelled or until one of
    /// `gracefulShutdownSignals` arrives (pass none in tests); `onRunning` receives the bound port.
    public func run(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint], onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) async throws {
        let responder = FakeCompletionResponder(configuration: configuration, stats: stats)
        let router = Router()
        router.post("v1/chat/completions") { request, _ in try await responder.respond(to: request) }
        router.post("chat/completions") { request, _ in try await responder.respond(to: request) }
        router.get("health") { _, _ in "ok" }
        let port = configuration.port
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: "plexus-fake-llm"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: gracefulShutdownSignals)
    }
}
