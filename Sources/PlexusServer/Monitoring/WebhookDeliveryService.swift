import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PlexusMonitoring
import PlexusStore
import ServiceLifecycle

/// The background service that posts queued webhook deliveries: signed JSON, accepted on any 2xx,
/// otherwise retried with backoff (10 s doubling to an hour) for a day, every attempt recorded in
/// the delivery log.
struct WebhookDeliveryService: Service {
    let store: SQLStore
    let logger: Logger
    /// How often due deliveries are looked for.
    var interval: Duration = .seconds(2)
    /// How long a receiver may take to answer.
    var timeout: TimeAmount = .seconds(10)
    /// The hosts deliveries may go to; any when empty (``ServerConfiguration/webhookHosts``).
    var allowedHosts: [String] = []
    /// The clock, injected so tests can move time.
    var now: @Sendable () -> Date = { Date() }

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // A tick in progress finishes; only the wait is cut short by a graceful shutdown.
            await tick()
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
    }

    /// Posts every delivery due now; returns how many were attempted.
    @discardableResult
    func tick() async -> Int {
        let started = now()
        guard let due = try? await store.dueDeliveries(now: started) else { return 0 }
        var attempted = 0
        for item in due {
            // The lease outlasts the post, so a runner that dies mid-post leaves the delivery to be tried again.
            guard (try? await store.claimDelivery(item.delivery, leaseUntil: started.addingTimeInterval(60))) == true else { continue }
            await attempt(item)
            attempted += 1
        }
        return attempted
    }

    private func attempt(_ item: SQLStore.DueDelivery) async {
        // A webhook made before the host list changed is never posted to a host now refused.
        guard Webhook.isAllowed(item.url, hosts: allowedHosts) else {
            try? await store.recordDeliveryAttempt(
                item.delivery.id, accepted: false, status: nil, error: "The host is not in PLEXUS_WEBHOOK_HOSTS; nothing was sent.", nextAttempt: nil, at: now())
            return
        }
        let body = Array(item.payload.utf8)
        var request = HTTPClientRequest(url: item.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Plexus-Webhooks/1")
        request.headers.add(name: "X-Plexus-Event", value: item.delivery.event.rawValue)
        request.headers.add(name: "X-Plexus-Delivery", value: item.delivery.id.rawValue)
        request.headers.add(name: "X-Plexus-Signature", value: Webhook.signature(of: body, secret: item.secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        var status: Int?
        var failure: String?
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            status = Int(response.status.code)
            let answer = try await response.body.collect(upTo: 64 * 1024)
            if !(200 ..< 300).contains(Int(response.status.code)) {
                failure = "The receiver answered \(response.status.code): \(String(buffer: answer).prefix(200))"
            }
        } catch {
            failure = "No answer: \(error)"
        }
        let finished = now()
        let attempts = item.delivery.attempts + 1
        let next = failure == nil ? nil : WebhookDelivery.RetryPolicy.nextAttempt(after: attempts, createdAt: item.delivery.createdAt, now: finished)
        if let failure { logger.warning("Webhook delivery \(item.delivery.id) failed (attempt \(attempts)): \(failure)") }
        do {
            try await store.recordDeliveryAttempt(item.delivery.id, accepted: failure == nil, status: status, error: failure, nextAttempt: next, at: finished)
        } catch {
            logger.error("Could not record webhook delivery \(item.delivery.id): \(error)")
        }
    }
}
