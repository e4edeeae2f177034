/// The pipeline performance operations, under `/api/performance`.
extension APIEndpoints {
    private static let window: [Endpoint.Parameter] = [
        .init(name: "hours", description: "Aggregate the records of the last this many hours, 1–8760 (default 24).",
              schema: ["type": "integer", "minimum": 1, "maximum": 8760]),
    ]
    private static let tag = "Pipeline performance"

    static let performance: [Endpoint] = [
        Endpoint(method: .post, path: "/api/performance/record", summary: "Record how a pipeline processed one item.", tag: tag, scope: .ingest, body: "PerformanceRecord", response: "PerformanceRecorded"),
        Endpoint(method: .post, path: "/api/performance/record/batch", summary: "Record up to 10,000 items in one transaction; an invalid record rejects the batch.", tag: tag, scope: .ingest, body: "PerformanceRecordBatch", response: "PerformanceRecorded"),
        Endpoint(method: .get, path: "/api/performance", summary: "Every aggregate of the window at once: summary, content types, checkpoints and hourly quality trends (a trailing slash works too).", tag: tag, scope: .read, query: window, response: "PerformanceOverview"),
        Endpoint(method: .get, path: "/api/performance/metrics/summary", summary: "Counts by processing type, bypass and early-exit rates, mean time saving and total hours saved (processing_time × p / (100 − p) summed over records with both).", tag: tag, scope: .read, query: window, response: "PerformanceSummary"),
        Endpoint(method: .get, path: "/api/performance/content-types", summary: "Per content type: count, bypass rate, mean quality and processing time.", tag: tag, scope: .read, query: window, response: "ContentTypePerformanceList"),
        Endpoint(method: .get, path: "/api/performance/checkpoints", summary: "Per exit checkpoint of early exits: count, share of all early exits, top five reasons, mean confidence.", tag: tag, scope: .read, query: window, response: "CheckpointPerformanceList"),
        Endpoint(method: .get, path: "/api/performance/quality-trends", summary: "Mean quality, coherence, completeness and informativeness per clock hour (UTC); hours without records are left out.", tag: tag, scope: .read, query: window, response: "QualityTrendList"),
        Endpoint(method: .delete, path: "/api/performance/reset", summary: "Delete this account's performance records: admin keys only (403), and only on a server started with --allow-reset (404 otherwise).", tag: tag, scope: .admin, response: "PerformanceReset"),
    ]
}
