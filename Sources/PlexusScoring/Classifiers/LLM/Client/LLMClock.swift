/// Time as the LLM client sees it: injected so tests can record waits instead of sleeping.
public protocol LLMClock: Sendable {
    /// Time elapsed since a fixed origin of this clock.
    func now() async -> Duration
    /// Waits for `duration`; throws when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: monotonic time and `Task.sleep`.
public struct SystemLLMClock: LLMClock {
    private let origin = ContinuousClock.now

    /// Creates the clock; its origin is the moment of creation.
    public init() {}

    /// Time since the clock was created.
    public func now() async -> Duration { ContinuousClock.now - origin }

    /// Sleeps the current task.
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}
