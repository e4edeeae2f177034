import Foundation

extension MLflowClient {
    /// Logs `params`, `metrics` and `tags` to the run in as many `runs/log-batch` calls as
    /// ``MLflowLimits`` need (≤ 1000 metrics, ≤ 100 params and ≤ 100 tags per call). Long param
    /// values are split and long tag values truncated (see ``MLflowBatchPlan``); the returned
    /// plan's `notes` say which. Metrics without a timestamp are stamped `now`.
    @discardableResult
    public func logBatch(
        runID: String, params: [MLflowKeyValue] = [], metrics: [MLflowMetric] = [], tags: [MLflowKeyValue] = [],
        now: Date = Date(), limits: MLflowLimits = .standard
    ) async throws(MLflowError) -> MLflowBatchPlan {
        let plan = try MLflowBatchPlan(params: params, metrics: metrics, tags: tags, timestamp: Self.milliseconds(now), limits: limits)
        for batch in plan.batches {
            _ = try await transport.post("runs/log-batch", body: LogBatch(runID: runID, batch: batch), as: Empty.self)
        }
        return plan
    }

    /// Every logged value of the metric `key` in the run, following MLflow's pages.
    public func metricHistory(runID: String, key: String) async throws(MLflowError) -> [MLflowMetric] {
        var values: [MLflowMetric] = []
        var pageToken: String?
        repeat {
            var query = [("run_id", runID), ("metric_key", key), ("max_results", "25000")]
            if let pageToken { query.append(("page_token", pageToken)) }
            let page = try await transport.get("metrics/get-history", query: query, as: MetricHistory.self)
            values += page.metrics ?? []
            pageToken = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        } while pageToken != nil
        return values
    }
}
