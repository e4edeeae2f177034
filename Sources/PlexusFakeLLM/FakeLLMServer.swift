import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// A local server that speaks the OpenAI chat-completions wire format, for tests, benchmarks and
/// the README walkthrough (no hosted LLM is reachable from here). It answers deterministically
/// from the prompt (see ``FakeModel``) and injects faults on request (see ``FaultPlan``).
public struct FakeLLMServer: Sendable {
    /// How the server listens and misbehaves.
    public let configuration: FakeLLMConfiguration
    /// What the server has seen.
    public let stats = FakeLLMStats()
    let logger: Logger

    /// Creates the server; nothing listens until ``run(onRunning:)`` or ``withRunning(_:)``.
    public init(configuration: FakeLLMConfiguration = FakeLLMConfiguration(), logger: Logger = Logger(label: "plexus.fake-llm")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves `POST /v1/chat/completions` (and `/chat/completions`) until SIGINT or SIGTERM;
    /// `onRunning` receives the bound port.
    public func run(onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) async throws {
        let group = serviceGroup(signals: [.sigterm, .sigint], onRunning: onRunning)
        try await group.run()
    }

    /// The application in a service group that shuts down gracefully on `signals` or when asked.
    func serviceGroup(signals: [UnixSignal], onRunning: @escaping @Sendable (_ port: Int) async -> Void) -> ServiceGroup {
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
        return ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals, logger: logger))
    }
}
