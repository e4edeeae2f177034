/// A running fake server, as seen by the code using it.
public struct RunningFakeLLM: Sendable {
    /// The bound port.
    public let port: Int
    /// The server's statistics.
    public let stats: FakeLLMStats

    /// The base URL to configure clients with: `http://127.0.0.1:<port>/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
}

/// The fake server stopped before it reported its port.
public struct FakeLLMStartError: Error, CustomStringConvertible {
    /// Why it did not start.
    public var description: String { "The fake LLM server stopped before it was listening; is the address in use?" }
}

extension FakeLLMServer {
    /// Starts the server, runs `body` with it, and shuts it down gracefully when `body` returns or throws.
    public func withRunning<T: Sendable>(_ body: @Sendable (RunningFakeLLM) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let services = serviceGroup(signals: []) { port in continuation.yield(port) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await services.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw FakeLLMStartError()
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(RunningFakeLLM(port: port, stats: stats)))
            } catch {
                result = .failure(error)
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return try result.get()
        }
    }
}
