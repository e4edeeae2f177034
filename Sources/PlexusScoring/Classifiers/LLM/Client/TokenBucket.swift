/// A requests-per-minute limiter: a bucket of `capacity` tokens refilled continuously.
///
/// Callers reserve a token and are told how long to wait for it; the bucket may go negative, so
/// reservations queue fairly without anyone polling.
actor TokenBucket {
    private let capacity: Double
    private let perSecond: Double
    private var tokens: Double
    private var updated: Duration?

    /// A bucket allowing `requestsPerMinute`, with bursts up to a tenth of a minute's allowance (at least 1).
    init(requestsPerMinute: Int) {
        perSecond = Double(max(requestsPerMinute, 1)) / 60
        capacity = max(1, Double(requestsPerMinute) / 10)
        tokens = capacity
    }

    /// Reserves one token at time `now` and returns how long to wait before using it.
    func reserve(at now: Duration) -> Duration {
        let last = updated ?? now
        let elapsed = max(now - last, .zero)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(capacity, tokens + seconds * perSecond)
        updated = max(now, last)
        tokens -= 1
        guard tokens < 0 else { return .zero }
        return .milliseconds(Int64((-tokens / perSecond * 1000).rounded(.up)))
    }
}
