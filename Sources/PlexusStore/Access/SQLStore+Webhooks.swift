import Foundation
import PlexusCore
import PlexusMonitoring
import SQLKit

/// Webhooks and their deliveries. A delivery row is written in the same transaction as the alert
/// change it reports (an outbox), so an event is never lost between the run and the post; the
/// delivery service then claims due rows one at a time, so servers sharing a database never post
/// one delivery twice at once.
extension SQLStore {
    /// A webhook with its secret, as `POST /api/v1/webhooks` answers it (the only time the secret is shown).
    public struct CreatedWebhook: Sendable, Encodable {
        /// The webhook.
        public let webhook: Webhook
        /// The secret deliveries are signed with.
        public let secret: String
    }

    /// A delivery due to be posted, with what posting it needs.
    public struct DueDelivery: Sendable {
        /// The delivery.
        public let delivery: WebhookDelivery
        /// Where to post it.
        public let url: String
        /// The secret to sign it with.
        public let secret: String
        /// The JSON body, as queued.
        public let payload: String
    }

    /// Registers a webhook for the account; a secret is made when none is given.
    public func createWebhook(url: String, secret: String?, description: String?, events: [AlertEvent.Kind], accountID: Identifier<Account>) async throws -> CreatedWebhook {
        let id: Identifier<Webhook> = newID()
        let now = environment.nowMicros()
        let secret = secret ?? "whsec_" + environment.newIDs(2).joined().replacingOccurrences(of: "-", with: "")
        try await backend.write { tx in
            try await tx.sql.raw("""
                INSERT INTO webhooks (id, account_id, url, secret, description, events, created_at)
                VALUES (\(bind: id.rawValue), \(bind: accountID.rawValue), \(bind: url), \(bind: secret), \(bind: description),
                    \(bind: JSONText.encode(events)), \(bind: now))
                """).run()
        }
        return CreatedWebhook(webhook: Webhook(id: id, url: url, description: description, events: events, createdAt: Timestamp.date(now)), secret: secret)
    }

    /// The account's webhooks, oldest first.
    public func webhooks(accountID: Identifier<Account>) async throws -> [Webhook] {
        try await backend.read { db in
            try await db.raw("SELECT * FROM webhooks WHERE account_id = \(bind: accountID.rawValue) ORDER BY created_at, id").all().map(Self.webhook(from:))
        }
    }

    /// Deletes a webhook and its deliveries; false when the account has none with that ID.
    public func deleteWebhook(_ id: String, accountID: Identifier<Account>) async throws -> Bool {
        try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM webhooks WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() != nil else { return false }
            try await db.raw("DELETE FROM webhook_deliveries WHERE webhook_id = \(bind: id)").run()
            try await db.raw("DELETE FROM webhooks WHERE id = \(bind: id)").run()
            return true
        }
    }

    /// A webhook's deliveries, newest first; nil when the account has no such webhook.
    public func webhookDeliveries(_ id: String, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<WebhookDelivery>? {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            guard try await db.raw("SELECT id FROM webhooks WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() != nil else { return nil }
            let found = try await db.raw("SELECT * FROM webhook_deliveries WHERE webhook_id = \(bind: id)" + tail).all().map(Self.delivery(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// Queues `events` for every webhook of the account that receives them, inside the
    /// transaction that made them.
    func enqueueDeliveries(_ events: [AlertEvent], accountID: Identifier<Account>, on db: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        let hooks = try await db.raw("SELECT * FROM webhooks WHERE account_id = \(bind: accountID.rawValue)").all().map(Self.webhook(from:))
        let now = environment.nowMicros()
        for event in events {
            for hook in hooks where hook.receives(event.kind) {
                let id: Identifier<WebhookDelivery> = newID()
                let payload = String(decoding: Webhook.payload(for: event, deliveryID: id.rawValue), as: UTF8.self)
                try await db.raw("""
                    INSERT INTO webhook_deliveries (id, webhook_id, account_id, event, alert_id, payload, state, attempts, next_attempt_at, created_at)
                    VALUES (\(bind: id.rawValue), \(bind: hook.id.rawValue), \(bind: accountID.rawValue), \(bind: event.kind.rawValue),
                        \(bind: event.alert.id.rawValue), \(bind: payload), 'pending', 0, \(bind: now), \(bind: now))
                    """).run()
            }
        }
    }

    /// Pending deliveries whose next attempt is due at `now`, oldest first.
    public func dueDeliveries(now: Date, limit: Int = 20) async throws -> [DueDelivery] {
        try await backend.read { db in
            try await db.raw("""
                SELECT d.*, w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.state = 'pending' AND d.next_attempt_at <= \(bind: Timestamp.micros(now)) ORDER BY d.next_attempt_at LIMIT \(literal: limit)
                """).all().map { row in
                DueDelivery(delivery: try Self.delivery(from: row), url: try row.string("url"), secret: try row.string("secret"), payload: try row.string("payload"))
            }
        }
    }

    /// Claims a due delivery until `leaseUntil` (its next attempt moves there, so a runner that
    /// dies mid-post leaves it to be tried again); false when another runner claimed it first.
    public func claimDelivery(_ delivery: WebhookDelivery, leaseUntil: Date) async throws -> Bool {
        guard let due = delivery.nextAttemptAt else { return false }
        return try await backend.write { tx in
            try await tx.sql.raw("""
                UPDATE webhook_deliveries SET next_attempt_at = \(bind: Timestamp.micros(leaseUntil))
                WHERE id = \(bind: delivery.id.rawValue) AND state = 'pending' AND next_attempt_at = \(bind: Timestamp.micros(due)) RETURNING id
                """).first() != nil
        }
    }

    /// Records an attempt: accepted with `status`, or failed with `status` (nil for no answer)
    /// and `error`, to be tried at `nextAttempt` (nil to give up).
    public func recordDeliveryAttempt(_ id: Identifier<WebhookDelivery>, accepted: Bool, status: Int?, error: String?, nextAttempt: Date?, at now: Date) async throws {
        let state: WebhookDelivery.State = accepted ? .delivered : (nextAttempt == nil ? .failed : .pending)
        try await backend.write { tx in
            try await tx.sql.raw("""
                UPDATE webhook_deliveries SET state = \(bind: state.rawValue), attempts = attempts + 1,
                    next_attempt_at = \(bind: accepted ? nil : nextAttempt.map(Timestamp.micros)), last_status = \(bind: status),
                    last_error = \(bind: error), delivered_at = \(bind: accepted ? Timestamp.micros(now) : nil)
                WHERE id = \(bind: id.rawValue)
                """).run()
        }
    }

    private static func webhook(from row: any SQLRow) throws -> Webhook {
        Webhook(id: try row.id("id"), url: try row.string("url"), description: try row.optionalString("description"),
                events: try JSONText.decode([AlertEvent.Kind].self, from: try row.string("events"), column: "webhooks.events"),
                createdAt: try row.date("created_at"))
    }

    private static func delivery(from row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.id("id"), webhookId: try row.id("webhook_id"), event: AlertEvent.Kind(rawValue: try row.string("event")) ?? .updated,
            alertId: try row.id("alert_id"), state: WebhookDelivery.State(rawValue: try row.string("state")) ?? .pending,
            attempts: try row.int("attempts"), nextAttemptAt: try row.optionalDate("next_attempt_at"), lastStatus: try row.optionalInt("last_status"),
            lastError: try row.optionalString("last_error"), createdAt: try row.date("created_at"), deliveredAt: try row.optionalDate("delivered_at"))
    }
}
