import Foundation
import PlexusCore
import PlexusScoring
import PlexusStore
import Prometheus

/// Everything `GET /metrics` reports, in Prometheus's text format: HTTP requests, what was
/// ingested, jobs, LLM calls, live sockets and the database. One registry per server (no global
/// metrics system), fed by the middleware, the change stream, the job runner, the LLM client and
/// the store, and read at scrape time for the gauges that are cheaper to ask for than to track.
///
/// Names follow Prometheus's conventions: a `plexus_` prefix, base units (seconds, US dollars) in
/// the name, and `_total` on counters.
public final class ServerMetrics: Sendable {
    /// The registry the text format is written from.
    public let registry = PrometheusCollectorRegistry()

    /// Latency buckets from 1 ms to 30 s.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
    ]
    /// Job duration buckets from 1 s to 2 h.
    static let jobBuckets: [Duration] = [.seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300), .seconds(900), .seconds(3600), .seconds(7200)]

    /// Creates the metrics, with the build's version as `plexus_build_info`.
    public init() {
        registry.makeGauge(name: "plexus_build_info", labels: [("version", PlexusVersion.current)], help: "Always 1; the version label says which Plexus runs.").set(to: 1)
    }

    // MARK: HTTP

    /// Requests being handled now (the registry hands back the same gauge each time).
    private var requestsInFlight: Gauge {
        registry.makeGauge(name: "plexus_http_requests_in_flight", help: "HTTP requests being handled now.")
    }

    /// A request has started.
    func requestStarted() {
        requestsInFlight.increment()
    }

    /// A request has been answered; `route` is the route's template (`/api/v1/score-results/{id}`).
    func requestEnded(method: String, route: String, status: Int, duration: Duration) {
        requestsInFlight.decrement()
        registry.makeCounter(
            name: "plexus_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))],
            help: "HTTP requests answered, by route template, method and status.").increment()
        registry.makeDurationHistogram(
            name: "plexus_http_request_duration_seconds", labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets,
            help: "Time from a request's head to its answer, by route template and method.").record(duration)
    }

    // MARK: Ingest and live sockets

    /// Counts what a committed store change brought in.
    func record(_ change: StoreChange) {
        switch change {
        case .scoreResultsCreated(_, _, let count):
            registry.makeCounter(name: "plexus_score_results_ingested_total", help: "Score results stored (duplicates of an idempotency key not counted).")
                .increment(by: Int64(count))
        case .itemsCreated(_, let count):
            registry.makeCounter(name: "plexus_items_ingested_total", help: "Items created, uploaded or on the fly for results and labels.")
                .increment(by: Int64(count))
        case .performanceRecorded(_, let count):
            registry.makeCounter(name: "plexus_performance_records_ingested_total", help: "Pipeline performance records stored.")
                .increment(by: Int64(count))
        case .evaluationUpdated:
            break
        }
    }

    /// A WebSocket too slow to keep up was dropped.
    func socketDropped() {
        registry.makeCounter(name: "plexus_websocket_dropped_total", help: "WebSockets closed because their client could not keep up.").increment()
    }

    // MARK: Jobs

    /// A job ended (completed, failed, or stopped and re-queued) after `duration`.
    func jobEnded(kind: JobKind, outcome: String, duration: Duration) {
        registry.makeDurationHistogram(
            name: "plexus_job_duration_seconds", labels: [("kind", kind.rawValue), ("outcome", outcome)], buckets: Self.jobBuckets,
            help: "How long a job attempt ran, by kind and how it ended (completed, failed, requeued).").record(duration)
    }

    // MARK: Scrape-time gauges

    /// Sets the gauges read at scrape time: the job queue and the open WebSockets.
    func refresh(store: SQLStore, broadcaster: Broadcaster) async throws {
        let depth = try await store.jobQueueDepth()
        for kind in JobKind.allCases {
            for status in [JobStatus.queued, .running] {
                registry.makeGauge(
                    name: "plexus_jobs", labels: [("kind", kind.rawValue), ("status", status.rawValue)],
                    help: "Jobs waiting in the queue or running, by kind.").set(Int64(depth[kind, default: [:]][status] ?? 0))
            }
        }
        registry.makeGauge(name: "plexus_websocket_clients", help: "WebSockets connected now.").set(Int64(await broadcaster.connectionCount))
    }

    /// The text format, as `GET /metrics` answers it.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

extension ServerMetrics: LLMCallObserver {
    /// Counts an LLM call, its tokens and cost, by provider and model.
    public func llmCallEnded(_ call: LLMCall) {
        let labels = [("provider", call.provider), ("model", call.model)]
        registry.makeCounter(
            name: "plexus_llm_requests_total", labels: labels + [("outcome", call.outcome.rawValue)],
            help: "Chat-completion calls by provider, model and outcome (ok, cached: a cache hit, rejected, failed).").increment()
        if call.outcome == .ok {
            for (direction, tokens) in [("input", call.inputTokens), ("output", call.outputTokens)] {
                registry.makeCounter(name: "plexus_llm_tokens_total", labels: labels + [("direction", direction)], help: "Tokens sent to and received from LLMs.")
                    .increment(by: Int64(tokens))
            }
            registry.makeCounter(name: "plexus_llm_cost_usd_total", labels: labels, help: "What LLM calls cost, in US dollars, from the price table.")
                .increment(by: call.costUSD)
            registry.makeDurationHistogram(
                name: "plexus_llm_request_duration_seconds", labels: labels, buckets: Self.latencyBuckets,
                help: "Time from a call's first attempt to its answer, retries included.").record(call.duration)
        }
    }
}

extension ServerMetrics: StoreObserver {
    private func operationsInFlight(_ operation: StoreOperation) -> Gauge {
        registry.makeGauge(
            name: "plexus_db_operations_in_flight", labels: [("operation", operation.rawValue)],
            help: "Store reads and write transactions waiting for or holding a connection (SQLite has one writer).")
    }

    /// A store operation is waiting for, or using, a connection.
    public func storeOperationStarted(_ operation: StoreOperation) {
        operationsInFlight(operation).increment()
    }

    /// A store operation has ended.
    public func storeOperationEnded(_ operation: StoreOperation, duration: Duration, failed: Bool) {
        let labels = [("operation", operation.rawValue)]
        operationsInFlight(operation).decrement()
        registry.makeDurationHistogram(
            name: "plexus_db_operation_duration_seconds", labels: labels, buckets: Self.latencyBuckets,
            help: "Store reads and write transactions, waiting for a connection included.").record(duration)
        if failed {
            registry.makeCounter(name: "plexus_db_operation_errors_total", labels: labels, help: "Store operations that failed.").increment()
        }
    }
}
