import Foundation

/// The waits between attempts: exponential backoff with "equal jitter", or the server's Retry-After.
struct RetryBackoff: Sendable {
    var initial: Duration
    var maximum: Duration

    /// The wait before retry number `retry` (1 for the first): half of `initial * 2^(retry-1)` fixed,
    /// half scaled by `jitter` in [0, 1], capped at `maximum`; a Retry-After wins when given (also capped).
    func delay(beforeRetry retry: Int, retryAfter: Duration?, jitter: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maximum) }
        let exponential = min(initial * (1 << min(max(retry - 1, 0), 30)), maximum)
        let half = exponential / 2
        return half + half * min(max(jitter, 0), 1)
    }

    /// Parses a Retry-After header: delta seconds (`"2"`) or an HTTP date, relative to `now`.
    static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        // Capped at a day so an absurd header ("1e400", "inf") cannot overflow the conversion; the
        // backoff's own maximum caps it further.
        if let seconds = Double(trimmed), seconds >= 0 { return .milliseconds(Int64(min(seconds, 86_400) * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .milliseconds(Int64(min(max(date.timeIntervalSince(now), 0), 86_400) * 1000))
    }
}
