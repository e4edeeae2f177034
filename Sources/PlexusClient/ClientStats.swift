/// What a ``PlexusClient`` has done in the background so far; read it with ``PlexusClient/stats``.
///
/// Background failures are logged and counted here instead of being thrown at the caller.
public struct ClientStats: Sendable, Hashable {
    /// Score results put on the background queue.
    public var queued = 0
    /// Queued score results the server has stored (or already had, for a resent idempotency key).
    public var sent = 0
    /// Queued score results given up on after their last attempt or a permanent rejection.
    public var failed = 0
    /// Requests sent again after a transient failure, in the background or not.
    public var retries = 0
    /// Background batches the server accepted.
    public var batches = 0
    /// Evaluation updates put on the background queue.
    public var updatesQueued = 0
    /// Queued evaluation updates the server applied.
    public var updatesSent = 0
    /// Queued evaluation updates given up on.
    public var updatesFailed = 0
    /// Requests made to resolve account and scorecard keys (cached lookups make none).
    public var lookups = 0
    /// Pipeline performance records the server stored.
    public var pipelineMetricsSent = 0
    /// Pipeline performance records given up on: sent but failed (server unreachable, timeout,
    /// rejection), or dropped before sending (an invalid value, a full queue, a shut-down client).
    public var pipelineMetricsFailed = 0

    /// Creates an all-zero record.
    public init() {}

    /// Queued score results neither sent nor failed yet.
    public var pending: Int { queued - sent - failed }
}
