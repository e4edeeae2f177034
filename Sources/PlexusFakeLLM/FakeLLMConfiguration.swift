/// How the fake server listens and misbehaves; every field has a default.
public struct FakeLLMConfiguration: Sendable, Hashable {
    /// The address to bind. Default `127.0.0.1`.
    public var host: String
    /// The port; 0 picks a free one (reported once the server runs). Default 0.
    public var port: Int
    /// Latency added to every answer, in milliseconds. Default 0.
    public var latencyMilliseconds: Int
    /// Faults applied to every request, as ``FaultPlan`` directives (e.g. `429x1,slow=50`). Default none.
    public var faults: String
    /// The Retry-After sent with 429 answers, in seconds. Default 1.
    public var retryAfterSeconds: Int

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 0, latencyMilliseconds: Int = 0, faults: String = "", retryAfterSeconds: Int = 1) {
        self.host = host
        self.port = port
        self.latencyMilliseconds = latencyMilliseconds
        self.faults = faults
        self.retryAfterSeconds = retryAfterSeconds
    }
}
