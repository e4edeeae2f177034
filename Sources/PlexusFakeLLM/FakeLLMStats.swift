/// What the fake server has seen: request counts, the most requests in flight at once, and
/// per-request attempt counts for "fail N times, then answer" faults.
public actor FakeLLMStats {
    /// Requests received.
    public private(set) var requests = 0
    /// Requests answered with an injected fault.
    public private(set) var faultsServed = 0
    /// Requests being handled now.
    public private(set) var inFlight = 0
    /// The most requests handled at once so far.
    public private(set) var maxInFlight = 0
    private var attempts: [String: Int] = [:]

    /// Creates empty statistics.
    public init() {}

    /// Records the start of a request.
    func begin() {
        requests += 1
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
    }

    /// Records the end of a request.
    func end(faulted: Bool) {
        inFlight -= 1
        if faulted { faultsServed += 1 }
    }

    /// Counts an attempt of the request with `body` and returns its number (1 for the first).
    func attempt(of body: String) -> Int {
        let count = (attempts[body] ?? 0) + 1
        attempts[body] = count
        return count
    }
}
