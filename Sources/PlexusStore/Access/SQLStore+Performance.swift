import Foundation
import PlexusCore
import SQLKit

/// Pipeline performance: recording what each item's processing was like, aggregating it over a
/// time window, and (for test set-ups) deleting an account's records.
extension SQLStore {
    /// The most records one batch may carry.
    public static let maximumPerformanceBatch = 10_000

    static let performanceInsert = BulkInsert(
        table: "performance_records",
        columns: [
            .init("id", .text), .init("account_id", .text), .init("processing_type", .text), .init("content_type", .text),
            .init("quality_score", .double), .init("processing_time", .double), .init("exit_checkpoint", .text),
            .init("exit_reason", .text), .init("exit_confidence", .double), .init("time_saved_pct", .double),
            .init("coherence", .double), .init("completeness", .double), .init("informativeness", .double),
            .init("recorded_at", .bigint),
        ])

    /// Stores records in one transaction: all of them, or none when any is invalid. A record
    /// without a timestamp is stamped with the store's current time. Once committed, the batch is
    /// announced on ``changes`` as ``StoreChange/performanceRecorded(accountID:count:)``.
    ///
    /// Errors name fields as `records[i].field`; with `batchField` nil (a single record), as plain `field`.
    /// - Returns: How many records were stored.
    @discardableResult
    public func recordPerformance(
        _ drafts: [PerformanceRecordDraft], accountID: Identifier<Account>, batchField: String? = "records"
    ) async throws -> Int {
        let batchName = batchField ?? "records"
        guard !drafts.isEmpty else {
            throw DomainError.invalid(field: batchName, message: "The batch is empty; send at least one record.")
        }
        guard drafts.count <= Self.maximumPerformanceBatch else {
            throw DomainError.invalid(field: batchName, message: "A batch may hold at most \(Self.maximumPerformanceBatch) records; got \(drafts.count). Split it.")
        }
        let clock = environment.now()
        for (index, draft) in drafts.enumerated() {
            try draft.validate(field: batchField.map { "\($0)[\(index)]" } ?? "", now: clock)
        }
        // Rows are built before taking the write lock, which SQLite holds alone.
        let now = Timestamp.micros(clock)
        let rows: [[SQLValue]] = zip(environment.newIDs(drafts.count), drafts).map { id, draft in
            [
                .text(id), .text(accountID.rawValue), .text(draft.processingType.rawValue), .text(draft.contentType),
                .real(draft.qualityScore), .real(draft.processingTime), .text(draft.exitCheckpoint), .text(draft.exitReason),
                .real(draft.exitConfidence), .real(draft.timeSavedPct), .real(draft.coherence), .real(draft.completeness),
                .real(draft.informativeness), .integer(draft.timestamp.map(Timestamp.micros) ?? now),
            ]
        }
        try await backend.write { tx in
            _ = try await tx.insert(Self.performanceInsert, rows: rows)
        }
        publish(.performanceRecorded(accountID: accountID, count: rows.count))
        return rows.count
    }

    /// Deletes every performance record of the account and returns how many there were.
    public func resetPerformance(accountID: Identifier<Account>) async throws -> Int {
        try await backend.write { tx in
            let db = tx.sql
            let row = try await db.raw("SELECT COUNT(*) AS records FROM performance_records WHERE account_id = \(bind: accountID.rawValue)").first()
            try await db.raw("DELETE FROM performance_records WHERE account_id = \(bind: accountID.rawValue)").run()
            return try row?.int("records") ?? 0
        }
    }

    /// Every aggregate of the window ending now, read on one connection.
    public func performanceOverview(accountID: Identifier<Account>, window: PerformanceWindow) async throws -> PerformanceOverview {
        let query = performanceQuery(accountID, window)
        return try await backend.read { db in
            PerformanceOverview(
                hours: window.hours, overallMetrics: try await query.summary(on: db),
                contentTypeBreakdown: try await query.contentTypes(on: db),
                checkpointAnalytics: try await query.checkpoints(on: db), qualityTrends: try await query.qualityTrends(on: db))
        }
    }

    /// Counts, rates and time saved over the window ending now.
    public func performanceSummary(accountID: Identifier<Account>, window: PerformanceWindow) async throws -> PerformanceSummary {
        let query = performanceQuery(accountID, window)
        return try await backend.read { db in try await query.summary(on: db) }
    }

    /// Per content type over the window ending now, most records first.
    public func contentTypePerformance(accountID: Identifier<Account>, window: PerformanceWindow) async throws -> [ContentTypePerformance] {
        let query = performanceQuery(accountID, window)
        return try await backend.read { db in try await query.contentTypes(on: db) }
    }

    /// Per exit checkpoint over the window ending now, most exits first.
    public func checkpointPerformance(accountID: Identifier<Account>, window: PerformanceWindow) async throws -> [CheckpointPerformance] {
        let query = performanceQuery(accountID, window)
        return try await backend.read { db in try await query.checkpoints(on: db) }
    }

    /// Per clock hour over the window ending now, oldest first.
    public func qualityTrends(accountID: Identifier<Account>, window: PerformanceWindow) async throws -> [QualityTrendBucket] {
        let query = performanceQuery(accountID, window)
        return try await backend.read { db in try await query.qualityTrends(on: db) }
    }

    private func performanceQuery(_ accountID: Identifier<Account>, _ window: PerformanceWindow) -> PerformanceQuery {
        PerformanceQuery(accountID: accountID.rawValue, since: Timestamp.micros(window.start(endingAt: environment.now())))
    }
}
