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
        registry.makeGauge(descriptor: Metric.buildInfo, labels: [("version", PlexusVersion.current)]).set(to: 1)
    }

    // MARK: HTTP

    /// Requests being handled now (the registry hands back the same gauge each time).
    private var requestsInFlight: Gauge {
        registry.makeGauge(descriptor: Metric.requestsInFlight)
    }

    /// A request has started.
    func requestStarted() {
        requestsInFlight.increment()
    }

    /// A request has been answered; `route` is the route's template (`/api/v1/score-results/{id}`).
    func requestEnded(method: String, route: String, status: Int, duration: Duration) {
        requestsInFlight.decrement()
        registry.makeCounter(
            descriptor: Metric.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(
            descriptor: Metric.requestDuration, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets).record(duration)
    }

    // MARK: Ingest and live sockets

    /// Counts what a committed store change brought in.
    func record(_ change: StoreChange) {
        switch change {
        case .scoreResultsCreated(_, _, let count):
            registry.makeCounter(descriptor: Metric.scoreResultsIngested)
                .increment(by: Int64(count))
        case .itemsCreated(_, let count):
            registry.makeCounter(descriptor: Metric.itemsIngested)
                .increment(by: Int64(count))
        case .performanceRecorded(_, let count):
            registry.makeCounter(descriptor: Metric.performanceRecordsIngested)
                .increment(by: Int64(count))
        case .evaluationUpdated, .alertChanged, .explanationStored:
            break
        }
    }

    /// A WebSocket too slow to keep up was dropped.
    func socketDropped() {
        registry.makeCounter(descriptor: Metric.socketsDropped).increment()
    }

    // MARK: Jobs

    /// A job ended (completed, failed, or stopped and re-queued) after `duration`.
    func jobEnded(kind: JobKind, outcome: String, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: Metric.jobDuration, labels: [("kind", kind.rawValue), ("outcome", outcome)], buckets: Self.jobBuckets).record(duration)
    }

    // MARK: Scrape-time gauges

    /// Sets the gauges read at scrape time: the job queue and the open WebSockets.
    func refresh(store: SQLStore, broadcaster: Broadcaster) async throws {
        let depth = try await store.jobQueueDepth()
        for kind in JobKind.allCases {
            for status in [JobStatus.queued, .running] {
                registry.makeGauge(descriptor: Metric.jobs, labels: [("kind", kind.rawValue), ("status", status.rawValue)]).set(Int64(depth[kind, default: [:]][status] ?? 0))
            }
        }
        registry.makeGauge(descriptor: Metric.socketClients).set(Int64(await broadcaster.connectionCount))
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
        registry.makeCounter(descriptor: Metric.llmRequests, labels: labels + [("outcome", call.outcome.rawValue)]).increment()
        if call.outcome == .ok {
            for (direction, tokens) in [("input", call.inputTokens), ("output", call.outputTokens)] {
                registry.makeCounter(descriptor: Metric.llmTokens, labels: labels + [("direction", direction)])
                    .increment(by: Int64(tokens))
            }
            registry.makeCounter(descriptor: Metric.llmCost, labels: labels)
                .increment(by: call.costUSD)
            registry.makeDurationHistogram(descriptor: Metric.llmRequestDuration, labels: labels, buckets: Self.latencyBuckets).record(call.duration)
        }
    }
}

extension ServerMetrics: StoreObserver {
    private func operationsInFlight(_ operation: StoreOperation) -> Gauge {
        registry.makeGauge(descriptor: Metric.storeOperationsInFlight, labels: [("operation", operation.rawValue)])
    }

    /// A store operation is waiting for, or using, a connection.
    public func storeOperationStarted(_ operation: StoreOperation) {
        operationsInFlight(operation).increment()
    }

    /// A store operation has ended.
    public func storeOperationEnded(_ operation: StoreOperation, duration: Duration, failed: Bool) {
        let labels = [("operation", operation.rawValue)]
        operationsInFlight(operation).decrement()
        registry.makeDurationHistogram(descriptor: Metric.storeOperationDuration, labels: labels, buckets: Self.latencyBuckets).record(duration)
        if failed {
            registry.makeCounter(descriptor: Metric.storeOperationErrors, labels: labels).increment()
        }
    }
}

/// The name, unit and help text of every metric `GET /metrics` reports, each `plexus_` then a
/// subsystem, a name and its unit.
private enum Metric {
    static var buildInfo: MetricNameDescriptor { name("build", "info", help: "Always 1; the version label says which Plexus runs.") }
    static var requestsInFlight: MetricNameDescriptor { name("http", "requests_in_flight", help: "HTTP requests being handled now.") }
    static var requests: MetricNameDescriptor {
        name("http", "requests", unit: "total", help: "HTTP requests answered, by route template, method and status.")
    }
    static var requestDuration: MetricNameDescriptor {
        name("http", "request_duration", unit: "seconds", help: "Time from a request's head to its answer, by route template and method.")
    }
    static var scoreResultsIngested: MetricNameDescriptor {
        name("score_results", "ingested", unit: "total", help: "Score results stored (duplicates of an idempotency key not counted).")
    }
    static var itemsIngested: MetricNameDescriptor {
        name("items", "ingested", unit: "total", help: "Items created, uploaded or on the fly for results and labels.")
    }
    static var performanceRecordsIngested: MetricNameDescriptor {
        name("performance_records", "ingested", unit: "total", help: "Pipeline performance records stored.")
    }
    static var socketsDropped: MetricNameDescriptor {
        name("websocket", "dropped", unit: "total", help: "WebSockets closed because their client could not keep up.")
    }
    static var socketClients: MetricNameDescriptor { name("websocket", "clients", help: "WebSockets connected now.") }
    static var jobs: MetricNameDescriptor { name(nil, "jobs", help: "Jobs waiting in the queue or running, by kind.") }
    static var jobDuration: MetricNameDescriptor {
        name("job", "duration", unit: "seconds", help: "How long a job attempt ran, by kind and how it ended (completed, failed, requeued).")
    }
    static var llmRequests: MetricNameDescriptor {
        name("llm", "requests", unit: "total", help: "Chat-completion calls by provider, model and outcome (ok, cached: a cache hit, rejected, failed).")
    }
    static var llmTokens: MetricNameDescriptor { name("llm", "tokens", unit: "total", help: "Tokens sent to and received from LLMs.") }
    static var llmCost: MetricNameDescriptor {
        name("llm", "cost_usd", unit: "total", help: "What LLM calls cost, in US dollars, from the price table.")
    }
    static var llmRequestDuration: MetricNameDescriptor {
        name("llm", "request_duration", unit: "seconds", help: "Time from a call's first attempt to its answer, retries included.")
    }
    static var storeOperationsInFlight: MetricNameDescriptor {
        name("db", "operations_in_flight", help: "Store reads and write transactions waiting for or holding a connection (SQLite has one writer).")
    }
    static var storeOperationDuration: MetricNameDescriptor {
        name("db", "operation_duration", unit: "seconds", help: "Store reads and write transactions, waiting for a connection included.")
    }
    static var storeOperationErrors: MetricNameDescriptor { name("db", "operation_errors", unit: "total", help: "Store operations that failed.") }

    private static func name(_ subsystem: String?, _ metric: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "plexus", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
    }
}
