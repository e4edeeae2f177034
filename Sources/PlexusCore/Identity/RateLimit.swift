/// A token-bucket request limit: `requestsPerSecond` sustained, bursts of up to `burst` requests.
public struct RateLimit: Sendable, Codable, Hashable {
    /// Requests per second a key may make, on average.
    public var requestsPerSecond: Double
    /// How many requests a key may make at once after being idle (the bucket's size).
    public var burst: Int

    /// Creates a limit.
    public init(requestsPerSecond: Double, burst: Int) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    /// Checks the limit is usable.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming `field.requestsPerSecond` or `field.burst`.
    public func validate(field: String) throws {
        guard requestsPerSecond.isFinite, requestsPerSecond > 0, requestsPerSecond <= 1_000_000 else {
            throw DomainError.invalid(field: "\(field).requestsPerSecond", message: "requestsPerSecond must be above 0 and at most 1,000,000; got \(requestsPerSecond).")
        }
        guard burst >= 1, burst <= 10_000_000 else {
            throw DomainError.invalid(field: "\(field).burst", message: "burst must be from 1 to 10,000,000; got \(burst).")
        }
    }
}
