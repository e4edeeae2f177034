import PlexusCore

/// Pipeline performance records: send many at once (with their own timestamps) and read the aggregates.
public struct PerformanceResource: Sendable {
    let core: ClientCore

    /// Records at most 10,000 per-item outcomes in one request; returns how many were stored.
    public func recordBatch(_ records: [PerformanceRecordDraft]) async throws -> Int {
        var stored = 0
        for start in stride(from: 0, to: records.count, by: 10_000) {
            let batch = PerformanceRecordBatch(records: Array(records[start..<min(start + 10_000, records.count)]))
            // Not retried: performance records carry no idempotency key, so a resend could count them twice.
            var request = try APIRequest.post("record", "batch", body: batch, retryable: false)
            request.root = ["api", "performance"]
            let reply: PerformanceRecorded = try await core.transport.send(request)
            stored += reply.count ?? batch.records.count
        }
        return stored
    }
}
