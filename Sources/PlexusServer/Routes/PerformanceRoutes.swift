import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/performance`: pipelines record how each item was processed; callers read aggregates over
/// the last `hours` hours; admin keys may delete their account's records when the server allows it.
struct PerformanceRoutes {
    let store: SQLStore
    let body: RequestBody
    /// Whether `DELETE /api/performance/reset` is enabled (``ServerConfiguration/allowReset``).
    let allowReset: Bool

    static let resetDisabled = APIError(
        status: .notFound, code: "reset_disabled",
        message: "Resetting performance records is turned off on this server; start it with --allow-reset to let keys with the admin scope do it.")

    func register(on router: RouterGroup<PlexusRequestContext>) {
        let group = router.group("api/performance")
        group.post("record") { request, context in
            let principal = try context.requirePrincipal()
            let draft = try await body.decode(PerformanceRecordDraft.self, from: request)
            try await store.recordPerformance([draft], accountID: principal.accountID, batchField: nil)
            return JSONResponse.make(PerformanceRecorded())
        }
        group.post("record/batch") { request, context in
            let principal = try context.requirePrincipal()
            let batch = try await body.decode(PerformanceRecordBatch.self, from: request)
            let count = try await store.recordPerformance(batch.records, accountID: principal.accountID)
            return JSONResponse.make(PerformanceRecorded(count: count))
        }
        group.get { request, context in
            let principal = try context.requirePrincipal()
            return JSONResponse.make(try await store.performanceOverview(accountID: principal.accountID, window: try Self.window(request)))
        }
        group.get("metrics/summary") { request, context in
            let principal = try context.requirePrincipal()
            return JSONResponse.make(try await store.performanceSummary(accountID: principal.accountID, window: try Self.window(request)))
        }
        group.get("content-types") { request, context in
            let principal = try context.requirePrincipal()
            let window = try Self.window(request)
            let groups = try await store.contentTypePerformance(accountID: principal.accountID, window: window)
            return JSONResponse.make(PerformanceRows(hours: window.hours, key: "content_type_breakdown", rows: groups))
        }
        group.get("checkpoints") { request, context in
            let principal = try context.requirePrincipal()
            let window = try Self.window(request)
            let groups = try await store.checkpointPerformance(accountID: principal.accountID, window: window)
            return JSONResponse.make(PerformanceRows(hours: window.hours, key: "checkpoint_analytics", rows: groups))
        }
        group.get("quality-trends") { request, context in
            let principal = try context.requirePrincipal()
            let window = try Self.window(request)
            let buckets = try await store.qualityTrends(accountID: principal.accountID, window: window)
            return JSONResponse.make(PerformanceRows(hours: window.hours, key: "quality_trends", rows: buckets))
        }
        group.delete("reset") { _, context in
            let principal = try context.requirePrincipal()
            guard allowReset else { throw Self.resetDisabled }
            return JSONResponse.make(PerformanceReset(deleted: try await store.resetPerformance(accountID: principal.accountID)))
        }
    }

    /// The `hours` parameter (default 24); anything but a whole number from 1 to 8,760 is a 400 naming it.
    static func window(_ request: Request) throws -> PerformanceWindow {
        guard let text = request.uri.queryParameters.get("hours") else { return .lastDay }
        guard let hours = Int(text) else {
            throw APIError.badParameter("hours", "hours must be a whole number between 1 and \(PerformanceWindow.maximumHours); got '\(text)'.")
        }
        return try PerformanceWindow(hours: hours)
    }
}
