import Crypto
import Foundation
import PlexusCore

/// Where an account's alert events are sent: a URL that takes a JSON POST (a Slack incoming
/// webhook works as it is, since every delivery carries a `text` field), signed with a secret.
public struct Webhook: Sendable, Codable, Hashable {
    /// The webhook's ID.
    public let id: Identifier<Webhook>
    /// Where deliveries are posted.
    public let url: String
    /// What it is for.
    public let description: String?
    /// The events it receives; every alert event when empty.
    public let events: [AlertEvent.Kind]
    /// When it was made.
    public let createdAt: Date

    /// A webhook as stored.
    public init(id: Identifier<Webhook>, url: String, description: String?, events: [AlertEvent.Kind], createdAt: Date) {
        self.id = id
        self.url = url
        self.description = description
        self.events = events
        self.createdAt = createdAt
    }

    /// Whether the webhook receives `kind`.
    public func receives(_ kind: AlertEvent.Kind) -> Bool { events.isEmpty || events.contains(kind) }

    /// The `X-Plexus-Signature` header of `body` under `secret`: `sha256=` and the HMAC-SHA256 in
    /// lowercase hex, as GitHub and Stripe sign theirs. A receiver recomputes it over the raw body.
    public static func signature(of body: [UInt8], secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// The JSON body posted for `event`: a `text` line for chat tools, the event's kind, and the alert.
    public static func payload(for event: AlertEvent, deliveryID: String) -> [UInt8] {
        let alert = event.alert
        let headline = switch event.kind {
        case .raised: "Alert raised"
        case .updated: "Alert \(alert.state.rawValue), fired \(alert.count)×"
        case .resolved: alert.resolvedBy == "auto" ? "Alert resolved (the data recovered)" : "Alert resolved"
        }
        let body = Payload(text: "\(headline) · \(alert.monitorName): \(alert.message)", event: event.kind.rawValue, deliveryId: deliveryID, alert: alert)
        return Array((try? PlexusJSON.encoder().encode(body)) ?? Data())
    }

    private struct Payload: Encodable {
        let text: String
        let event: String
        let deliveryId: String
        let alert: Alert
    }

    /// Whether `url` may be posted to when deliveries are kept to `allowedHosts` (any host when empty).
    public static func isAllowed(_ url: String, hosts allowedHosts: [String]) -> Bool {
        allowedHosts.isEmpty || URL(string: url)?.host.map { allowedHosts.contains($0.lowercased()) } == true
    }

    /// Checks a webhook's URL, secret and description as `field`s of a request; the URL's host
    /// must be one of `allowedHosts` when any are given.
    public static func validate(url: String, secret: String?, description: String?, allowedHosts: [String] = []) throws {
        guard url.unicodeScalars.count <= 2_000, let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty
        else {
            throw DomainError.invalid(field: "url", message: "url must be an http or https URL of up to 2,000 characters, such as a Slack incoming-webhook URL.")
        }
        guard isAllowed(url, hosts: allowedHosts) else {
            throw DomainError.invalid(field: "url", message: "This server delivers webhooks only to \(allowedHosts.joined(separator: ", ")) (PLEXUS_WEBHOOK_HOSTS); '\(host)' is not one of them.")
        }
        if let secret, !(16 ... 200).contains(secret.unicodeScalars.count) {
            throw DomainError.invalid(field: "secret", message: "A secret is 16–200 characters; leave it out and one is made for you.")
        }
        if let description, description.unicodeScalars.count > 500 {
            throw DomainError.invalid(field: "description", message: "Keep the description to 500 characters.")
        }
    }
}

/// One attempt series to post one event to one webhook, kept so nothing is lost: pending until
/// the receiver answers 2xx, retried with backoff, given up after ``RetryPolicy/giveUpAfter``.
public struct WebhookDelivery: Sendable, Codable, Hashable {
    /// Where a delivery stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Not yet accepted; tried again at ``WebhookDelivery/nextAttemptAt``.
        case pending
        /// The receiver answered 2xx.
        case delivered
        /// Given up after a day of failures.
        case failed
    }

    /// The delivery's ID (also in the body as `deliveryId`, so receivers can drop repeats).
    public let id: Identifier<WebhookDelivery>
    /// The webhook.
    public let webhookId: Identifier<Webhook>
    /// The event sent.
    public let event: AlertEvent.Kind
    /// The alert it is about.
    public let alertId: Identifier<Alert>
    /// Where it stands.
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    /// When it is tried next (pending only).
    public var nextAttemptAt: Date?
    /// The last attempt's HTTP status, or nil when it got no answer.
    public var lastStatus: Int?
    /// Why the last attempt failed.
    public var lastError: String?
    /// When it was queued and when it was accepted.
    public let createdAt: Date
    public var deliveredAt: Date?

    /// A delivery as stored.
    public init(
        id: Identifier<WebhookDelivery>, webhookId: Identifier<Webhook>, event: AlertEvent.Kind, alertId: Identifier<Alert>, state: State, attempts: Int,
        nextAttemptAt: Date?, lastStatus: Int?, lastError: String?, createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.webhookId = webhookId
        self.event = event
        self.alertId = alertId
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// When deliveries are retried: after 10 s, then twice as long each time up to an hour, for a day.
    public enum RetryPolicy {
        /// How long after its creation a delivery is given up.
        public static let giveUpAfter: TimeInterval = 86_400

        /// The wait after the `attempts`-th failed attempt.
        public static func delay(afterAttempts attempts: Int) -> TimeInterval {
            min(10 * pow(2, Double(max(0, attempts - 1))), 3_600)
        }

        /// After a failed attempt at `now`: the next attempt's time, or nil to give up.
        public static func nextAttempt(after attempts: Int, createdAt: Date, now: Date) -> Date? {
            let next = now.addingTimeInterval(delay(afterAttempts: attempts))
            return next.timeIntervalSince(createdAt) > giveUpAfter ? nil : next
        }
    }
}
