import Foundation
import Logging

/// How a ``PlexusClient`` batches, retries and logs, with documented defaults.
public struct ClientConfiguration: Sendable {
    /// The most score results sent in one background batch. Default 10; at most 10,000 (the server's limit).
    public var batchSize: Int
    /// How long a queued score result may wait for a full batch before it is sent anyway. Default 1 s.
    public var batchInterval: Duration
    /// The most score results waiting to be sent (and, separately, evaluation updates); a call
    /// that would queue more waits until the server has taken some. Default 1,000; never fewer
    /// than two batches.
    public var maxQueuedResults: Int
    /// How failed requests are retried. Default: 5 attempts with exponential backoff and jitter.
    public var retry: RetryPolicy
    /// How long one request may take, from connecting to the last byte of the answer. Default 30 s.
    public var requestTimeout: Duration
    /// How long connecting to the server may take before the attempt fails (and is retried as
    /// ``retry`` says). Default 5 s. A refused connection fails at once, without waiting.
    public var connectTimeout: Duration
    /// Where background failures, retries and batches are logged. Default label `plexus.client`.
    public var logger: Logger
    /// Whether ``PlexusClient/recordPipelineMetrics(processingType:contentType:qualityScore:processingTime:exitCheckpoint:exitReason:exitConfidence:timeSavedPct:coherence:completeness:informativeness:timestamp:)``
    /// sends anything; when `false` it does nothing at all. Default: whether the environment
    /// variable `PLEXUS_ENABLE_DASHBOARD_METRICS` is `1` (see ``dashboardMetricsEnabledByEnvironment``).
    public var pipelineMetricsEnabled: Bool
    /// How long one request carrying pipeline metrics may take before it is given up. Default 5 s.
    public var pipelineMetricsTimeout: Duration

    /// Creates a configuration; every argument has a default.
    public init(
        batchSize: Int = 10, batchInterval: Duration = .seconds(1), maxQueuedResults: Int = 1_000, retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "plexus.client"),
        pipelineMetricsEnabled: Bool = ClientConfiguration.dashboardMetricsEnabledByEnvironment,
        pipelineMetricsTimeout: Duration = .seconds(5)
    ) {
        self.batchSize = batchSize
        self.batchInterval = batchInterval
        self.maxQueuedResults = maxQueuedResults
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.logger = logger
        self.pipelineMetricsEnabled = pipelineMetricsEnabled
        self.pipelineMetricsTimeout = pipelineMetricsTimeout
    }

    /// Whether `PLEXUS_ENABLE_DASHBOARD_METRICS=1` is set, read once per process. This is the one
    /// place the client library reads the environment.
    public static let dashboardMetricsEnabledByEnvironment = ProcessInfo.processInfo.environment["PLEXUS_ENABLE_DASHBOARD_METRICS"] == "1"

    /// The largest batch the server accepts.
    public static let maximumBatchSize = 10_000

    /// Checks the ranges, naming the offending setting.
    func validate() throws(PlexusClientError) {
        guard (1...Self.maximumBatchSize).contains(batchSize) else {
            throw .invalid(field: "batchSize", message: "batchSize must be between 1 and \(Self.maximumBatchSize); got \(batchSize).")
        }
        guard maxQueuedResults >= 1 else {
            throw .invalid(field: "maxQueuedResults", message: "maxQueuedResults must be at least 1; got \(maxQueuedResults).")
        }
        guard batchInterval > .zero else {
            throw .invalid(field: "batchInterval", message: "batchInterval must be longer than zero; got \(batchInterval).")
        }
        guard pipelineMetricsTimeout > .zero else {
            throw .invalid(field: "pipelineMetricsTimeout", message: "pipelineMetricsTimeout must be longer than zero; got \(pipelineMetricsTimeout).")
        }
        guard requestTimeout > .zero else {
            throw .invalid(field: "requestTimeout", message: "requestTimeout must be longer than zero; got \(requestTimeout).")
        }
        guard connectTimeout > .zero else {
            throw .invalid(field: "connectTimeout", message: "connectTimeout must be longer than zero; got \(connectTimeout).")
        }
        try retry.validate()
    }
}
