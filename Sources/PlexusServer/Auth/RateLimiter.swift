import Foundation
import HTTPTypes
import Hummingbird
import PlexusCore
import Synchronization

/// Token buckets, one per caller (an API key's ID, or a client address for the sign-in form):
/// each request takes a token, tokens come back at the limit's rate, and a caller with none left
/// is told when to try again.
final class RateLimiter: Sendable {
    /// What one request was allowed, as the `RateLimit-*` headers report it.
    struct Decision: Sendable {
        /// Whether the request may go ahead.
        let allowed: Bool
        /// The bucket's size.
        let limit: Int
        /// Whole tokens left after this request.
        let remaining: Int
        /// Seconds until the bucket is full again.
        let resetSeconds: Int
        /// Seconds until the next request would be allowed (0 when this one was).
        let retryAfterSeconds: Int

        /// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, plus `Retry-After` when refused.
        var headers: HTTPFields {
            var fields: HTTPFields = [
                .rateLimitLimit: String(limit), .rateLimitRemaining: String(remaining), .rateLimitReset: String(resetSeconds),
            ]
            if !allowed { fields[.retryAfter] = String(retryAfterSeconds) }
            return fields
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// Buckets kept before full ones (callers idle long enough to have every token back) are dropped.
    private static let pruneThreshold = 10_000

    private let buckets = Mutex<[String: Bucket]>([:])
    private let clock = ContinuousClock()

    /// Takes a token from `caller`'s bucket under `limit`.
    func take(_ caller: String, limit: RateLimit) -> Decision {
        let now = clock.now
        let capacity = Double(limit.burst)
        return buckets.withLock { buckets in
            if buckets.count >= Self.pruneThreshold { Self.prune(&buckets, now: now, limit: limit) }
            var bucket = buckets[caller] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = Self.seconds(now - bucket.updated)
            bucket.tokens = min(capacity, bucket.tokens + elapsed * limit.requestsPerSecond)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[caller] = bucket
            let missing = capacity - bucket.tokens
            return Decision(
                allowed: allowed, limit: limit.burst, remaining: Int(bucket.tokens.rounded(.down)),
                resetSeconds: Int((missing / limit.requestsPerSecond).rounded(.up)),
                retryAfterSeconds: allowed ? 0 : max(1, Int(((1 - bucket.tokens) / limit.requestsPerSecond).rounded(.up))))
        }
    }

    private static func prune(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant, limit: RateLimit) {
        let refill = Double(limit.burst) / limit.requestsPerSecond
        buckets = buckets.filter { seconds(now - $0.value.updated) < refill }
    }

    private static func seconds(_ duration: Duration) -> Double {
        duration.milliseconds / 1000
    }
}

/// Takes a token from the caller's bucket (per key, at the account's limit or the server's) and
/// answers 429 with `Retry-After` when it is empty; every answer carries the `RateLimit-*` headers.
struct RateLimitMiddleware: RouterMiddleware {
    let limiter: RateLimiter
    let defaultLimit: RateLimit

    func handle(_ request: Request, context: PlexusRequestContext, next: (Request, PlexusRequestContext) async throws -> Response) async throws -> Response {
        let principal = try context.requirePrincipal()
        let limit = principal.rateLimit ?? defaultLimit
        let decision = limiter.take(principal.keyID ?? principal.accountID.rawValue, limit: limit)
        guard decision.allowed else {
            throw APIError(
                status: .tooManyRequests, code: "rate_limited",
                message: "Too many requests with this key (its limit: \(limit.requestsPerSecond.formatted()) per second, bursts of \(limit.burst)); try again in \(decision.retryAfterSeconds) s, as Retry-After says. An admin key can change the account's limit with PATCH /api/v1/accounts/{idOrKey}.",
                headers: decision.headers)
        }
        var response = try await next(request, context)
        response.headers.append(contentsOf: decision.headers)
        return response
    }
}


extension HTTPField.Name {
    /// The bucket's size (draft-ietf-httpapi-ratelimit-headers).
    static let rateLimitLimit = Self("RateLimit-Limit")!
    /// Requests left now.
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    /// Seconds until every request is back.
    static let rateLimitReset = Self("RateLimit-Reset")!
}
