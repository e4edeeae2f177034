import Logging

/// How a ``PlexusClient`` batches, retries and logs, with documented defaults.
public struct ClientConfiguration: Sendable {
    /// The most score results sent in one background batch. Default 10; at most 10,000 (the server's limit).
    public var batchSize: Int
    /// How long a queued score result may wait for a full batch before it is sent anyway. Default 1 s.
    public var batchInterval: Duration
    /// How failed requests are retried. Default: 5 attempts with exponential backoff and jitter.
    public var retry: RetryPolicy
    /// How long one request may take, from connecting to the last byte of the answer. Default 30 s.
    public var requestTimeout: Duration
    /// Where background failures, retries and batches are logged. Default label `plexus.client`.
    public var logger: Logger

    /// Creates a configuration; every argument has a default.
    public init(
        batchSize: Int = 10, batchInterval: Duration = .seconds(1), retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(30), logger: Logger = Logger(label: "plexus.client")
    ) {
        self.batchSize = batchSize
        self.batchInterval = batchInterval
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.logger = logger
    }

    /// The largest batch the server accepts.
    public static let maximumBatchSize = 10_000

    /// Checks the ranges, naming the offending setting.
    func validate() throws(PlexusClientError) {
        guard (1...Self.maximumBatchSize).contains(batchSize) else {
            throw .invalid(field: "batchSize", message: "batchSize must be between 1 and \(Self.maximumBatchSize); got \(batchSize).")
        }
        guard batchInterval > .zero else {
            throw .invalid(field: "batchInterval", message: "batchInterval must be longer than zero; got \(batchInterval).")
        }
        guard requestTimeout > .zero else {
            throw .invalid(field: "requestTimeout", message: "requestTimeout must be longer than zero; got \(requestTimeout).")
        }
        try retry.validate()
    }
}
