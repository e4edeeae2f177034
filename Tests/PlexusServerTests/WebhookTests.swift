import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import PlexusCore
@testable import PlexusServer
import PlexusTestSupport
import Testing

@Suite("Webhooks: alert events posted, signed and retried against a real local receiver")
struct WebhookTests {
    /// What a receiver got, and how many posts it still refuses.
    actor Inbox {
        struct Post: Sendable {
            let headers: HTTPFields
            let body: String
        }

        private(set) var posts: [Post] = []
        var refusals: Int

        init(refusing refusals: Int) {
            self.refusals = refusals
        }

        /// Records a post; answers whether to refuse it.
        func receive(_ post: Post) -> Bool {
            posts.append(post)
            guard refusals > 0 else { return false }
            refusals -= 1
            return true
        }
    }

    /// Runs `body` with a live HTTP receiver on a free port that refuses its first `refusing` posts with 503.
    private static func withReceiver(refusing: Int, _ body: @Sendable (_ url: String, _ inbox: Inbox) async throws -> Void) async throws {
        let inbox = Inbox(refusing: refusing)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let refuse = await inbox.receive(.init(headers: request.headers, body: text))
            return Response(status: refuse ? .serviceUnavailable : .noContent)
        }
        try await Application(router: router).test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))/hook", inbox)
        }
    }

    private static let secret = "whsec_test-secret-of-the-receiver"

    /// The server's own delivery service stays idle, so only the test's ticks post.
    private static var manualTicks: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.webhookInterval = .seconds(86_400)
        return configuration
    }

    @Test("A raised alert is posted with a text field and a valid signature; a refusing receiver gets it again after the backoff", arguments: TestDatabase.available)
    func deliverAndRetry(database: TestDatabase) async throws {
        try await TestServer.run(database, configuration: Self.manualTicks) { server in
            try await Self.withReceiver(refusing: 1) { url, inbox in
                let hook = try await server.request(.post, "/api/v1/webhooks", json: ["url": .string(url), "secret": .string(Self.secret), "description": "ops channel"])
                #expect(hook.status == .created && hook.json["secret"] == .string(Self.secret), "\(hook.text)")
                let hookID = try #require(hook.json["webhook"]?["id"]?.stringValue)
                let down = try await server.request(.post, "/api/v1/webhooks", json: ["url": "http://127.0.0.1:1/nobody", "events": ["alert.raised"]])
                let downID = try #require(down.json["webhook"]?["id"]?.stringValue)
                #expect(down.json["secret"]?.stringValue?.hasPrefix("whsec_") == true)
                #expect(try await server.request(.get, "/api/v1/webhooks").json["data"]?.arrayCount == 2)

                let monitorID = try await Self.firingMonitor(server)
                let run = try await server.request(.post, "/api/v1/monitors/\(monitorID)/run")
                #expect(run.json["alerts"]?[0]?["kind"] == "alert.raised")

                let start = Date()
                let service = { (time: Date) in WebhookDeliveryService(store: server.store, logger: Logger(label: "test"), timeout: .seconds(2), now: { time }) }
                #expect(await service(start).tick() == 2)
                var log = try await server.request(.get, "/api/v1/webhooks/\(hookID)/deliveries")
                #expect(log.json["data"]?[0]?["state"] == "pending" && log.json["data"]?[0]?["attempts"] == 1 && log.json["data"]?[0]?["lastStatus"] == 503)
                #expect(await service(start).tick() == 0, "nothing is due again before the backoff")
                #expect(await service(start.addingTimeInterval(11)).tick() == 2)
                log = try await server.request(.get, "/api/v1/webhooks/\(hookID)/deliveries")
                #expect(log.json["data"]?[0]?["state"] == "delivered" && log.json["data"]?[0]?["attempts"] == 2)

                let posts = await inbox.posts
                #expect(posts.count == 2 && posts[0].body == posts[1].body)
                let post = try #require(posts.last)
                let signature = HMAC<SHA256>.authenticationCode(for: Data(post.body.utf8), using: SymmetricKey(data: Data(Self.secret.utf8)))
                #expect(post.headers[HTTPField.Name("X-Plexus-Signature")!] == "sha256=" + signature.map { String(format: "%02x", $0) }.joined())
                #expect(post.headers[HTTPField.Name("X-Plexus-Event")!] == "alert.raised")
                let payload = try JSONDecoder().decode(JSONValue.self, from: Data(post.body.utf8))
                #expect(payload["text"]?.stringValue?.hasPrefix("Alert raised · always firing:") == true)
                #expect(payload["alert"]?["rule"] == "metric_threshold:a.mean" && payload["event"] == "alert.raised")

                // Acknowledging posts an update to the webhook that takes every event, not to the one that takes raises only.
                let alertID = try #require(run.json["alerts"]?[0]?["alert"]?["id"]?.stringValue)
                _ = try await server.request(.post, "/api/v1/alerts/\(alertID)/acknowledge")
                #expect(await service(Date().addingTimeInterval(1)).tick() >= 1)
                #expect(await inbox.posts.last?.headers[HTTPField.Name("X-Plexus-Event")!] == "alert.updated")
                #expect(await inbox.posts.count == 3)

                // The unreachable receiver is given up after a day, with the reason kept.
                var dead = try await server.request(.get, "/api/v1/webhooks/\(downID)/deliveries")
                #expect(dead.json["data"]?[0]?["lastError"]?.stringValue?.hasPrefix("No answer") == true)
                #expect(await service(start.addingTimeInterval(90_000)).tick() == 1)
                dead = try await server.request(.get, "/api/v1/webhooks/\(downID)/deliveries")
                #expect(dead.json["data"]?[0]?["state"] == "failed" && dead.json["data"]?[0]?["nextAttemptAt"] == nil)
                #expect(try await server.request(.delete, "/api/v1/webhooks/\(downID)").json["deleted"] == true)
            }
        }
    }

    @Test("Bad webhooks are refused by field; only admin keys manage them")
    func badInput() async throws {
        try await TestServer.run { server in
            for (body, field) in [(["url": "ftp://example.com/x"] as JSONValue, "url"), (["url": "not a url"], "url"),
                                  (["url": "https://example.com/x", "secret": "short"], "secret"), (["url": "https://example.com/x", "events": ["alert.sent"]], "events[0]")] {
                let reply = try await server.request(.post, "/api/v1/webhooks", json: body)
                #expect(reply.status == .badRequest && reply.errorField == field, "\(reply.text)")
            }
            let writer = try await server.makeKey(["write"])
            #expect(try await server.request(.post, "/api/v1/webhooks", key: writer, json: ["url": "https://example.com/x"]).status == .forbidden)
            #expect(try await server.request(.get, "/api/v1/webhooks").json["data"]?.arrayCount == 0)
        }
    }

    @Test("With PLEXUS_WEBHOOK_HOSTS set, webhooks to other hosts are refused by name")
    func allowedHosts() async throws {
        var configuration = ServerConfiguration()
        configuration.webhookHosts = ["127.0.0.1", "hooks.slack.com"]
        try await TestServer.run(configuration: configuration) { server in
            let refused = try await server.request(.post, "/api/v1/webhooks", json: ["url": "https://example.com/hook"])
            #expect(refused.status == .badRequest && refused.errorField == "url")
            #expect(refused.json["error"]?["message"]?.stringValue?.contains("127.0.0.1, hooks.slack.com") == true)
            #expect(try await server.request(.post, "/api/v1/webhooks", json: ["url": "https://hooks.slack.com/services/T/B/X"]).status == .created)
        }
        let resolved = try ServerConfiguration.resolve(environment: ["PLEXUS_WEBHOOK_HOSTS": " Hooks.Slack.com, 127.0.0.1 ,"])
        #expect(resolved.webhookHosts == ["hooks.slack.com", "127.0.0.1"])
    }

    /// A dataset monitor whose rule always fires, so each run raises or bumps an alert.
    static func firingMonitor(_ server: TestServer) async throws -> String {
        let dataset = try await server.request(.post, "/api/v1/data/upload?name=d", raw: "a,b\n1,x\n2,y\n", contentType: "text/csv")
        let id = try #require(dataset.json["id"]?.stringValue, "\(dataset.text)")
        let monitor = try await server.request(.post, "/api/v1/monitors", json: [
            "name": "always firing", "source": ["kind": "dataset", "dataset": .string(id)], "reference": ["dataset": .string(id)],
            "columns": ["a"], "minimumSampleSize": 1, "rules": [["type": "metric_threshold", "column": "a", "statistic": "mean", "above": 0]],
        ])
        return try #require(monitor.json["id"]?.stringValue, "\(monitor.text)")
    }
}
