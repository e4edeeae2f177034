import Logging
import PlexusClient
import PlexusCore

/// Small factories for the values the client tests use.
enum Fixtures {
    /// A scorecard with two binary scores, `greeting` and `resolution`.
    static let callQA = ScorecardDraft(
        key: "call-qa", name: "Call QA",
        sections: [.init(name: "Opening", scores: [ScoreDraft(key: "greeting"), ScoreDraft(key: "resolution", classes: ["Resolved", "Unresolved"])])]
    )

    /// The context most tests record under: `call-qa` / `greeting`.
    static let context = ClientContext(accountKey: "default", scorecardKey: "call-qa", scoreKey: "greeting")

    /// A logger that drops everything, so expected background failures do not clutter test output.
    static let quietLogger = Logger(label: "plexus.client.tests") { _ in SwiftLogNoOpLogHandler() }

    /// A configuration with quick retries, a quiet logger, and an interval long enough that
    /// only full batches and flushes send anything unless a test shortens it.
    static func configuration(
        batchSize: Int = 10, batchInterval: Duration = .seconds(60), maxAttempts: Int = 5
    ) -> ClientConfiguration {
        // Requests and pipeline metrics get generous timeouts: tests that are not about them must not fail
        // because a busy CI machine (two cores, many live servers) kept one answer waiting for seconds.
        ClientConfiguration(
            batchSize: batchSize, batchInterval: batchInterval,
            retry: RetryPolicy(maxAttempts: maxAttempts, initialDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            requestTimeout: .seconds(60), logger: quietLogger, pipelineMetricsTimeout: .seconds(60)
        )
    }
}
