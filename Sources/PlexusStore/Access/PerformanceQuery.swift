import Foundation
import PlexusCore
import SQLKit

/// The aggregate queries over one account's performance records since a time. Each is one
/// `GROUP BY` in the database, so no query loads the records themselves.
struct PerformanceQuery: Sendable {
    let accountID: String
    /// The window's start in microseconds; records at or after it count.
    let since: Int64

    /// Microseconds in an hour: `recorded_at / 3600000000` is the hour number on both databases,
    /// since both divide integers by truncating. It is written into the SQL, not bound, so that
    /// the grouped expression and the selected one are the same text.
    private static let microsPerHour: Int64 = 3_600_000_000

    private var scope: SQLQueryString {
        "FROM performance_records WHERE account_id = \(bind: accountID) AND recorded_at >= \(bind: since)"
    }

    func summary(on db: any SQLDatabase) async throws -> PerformanceSummary {
        let row = try await db.raw("""
            SELECT COUNT(*) AS total,
                COUNT(CASE WHEN processing_type = \(bind: ProcessingType.lightweight.rawValue) THEN 1 END) AS lightweight,
                COUNT(CASE WHEN processing_type = \(bind: ProcessingType.earlyExit.rawValue) THEN 1 END) AS early_exits,
                COUNT(CASE WHEN processing_type = \(bind: ProcessingType.full.rawValue) THEN 1 END) AS full_processing,
                AVG(time_saved_pct) AS mean_time_saved_pct,
                SUM(CASE WHEN time_saved_pct < 100 THEN processing_time * time_saved_pct / (100 - time_saved_pct) END) AS seconds_saved
            """ + " " + scope).first()
        guard let row else { return PerformanceSummary(totalProcessed: 0, qualityBypassed: 0, earlyExits: 0, fullProcessing: 0, meanTimeSavedPct: nil, secondsSaved: nil) }
        return PerformanceSummary(
            totalProcessed: try row.int("total"), qualityBypassed: try row.int("lightweight"), earlyExits: try row.int("early_exits"),
            fullProcessing: try row.int("full_processing"), meanTimeSavedPct: try row.optionalDouble("mean_time_saved_pct"),
            secondsSaved: try row.optionalDouble("seconds_saved"))
    }

    func contentTypes(on db: any SQLDatabase) async throws -> [ContentTypePerformance] {
        let rows = try await db.raw("""
            SELECT content_type, COUNT(*) AS records,
                COUNT(CASE WHEN processing_type = \(bind: ProcessingType.lightweight.rawValue) THEN 1 END) AS bypassed,
                AVG(quality_score) AS avg_quality_score, AVG(processing_time) AS avg_processing_time
            """ + " " + scope + " GROUP BY content_type").all()
        let groups = try rows.map { row in
            ContentTypePerformance(
                contentType: try row.optionalString("content_type"), count: try row.int("records"), bypassed: try row.int("bypassed"),
                avgQualityScore: try row.optionalDouble("avg_quality_score"), avgProcessingTime: try row.optionalDouble("avg_processing_time"))
        }
        // Sorted here rather than in SQL so both databases order ties the same way (by code point).
        return groups.sorted { ($0.count, $1.contentType ?? "\u{10FFFF}") > ($1.count, $0.contentType ?? "\u{10FFFF}") }
    }

    func checkpoints(on db: any SQLDatabase) async throws -> [CheckpointPerformance] {
        let earlyExit = ProcessingType.earlyExit.rawValue
        let groups = try await db.raw("""
            SELECT exit_checkpoint, COUNT(*) AS exits, AVG(exit_confidence) AS avg_confidence
            """ + " " + scope + " AND processing_type = \(bind: earlyExit) GROUP BY exit_checkpoint").all()
        // The top reasons of every checkpoint in one query: a window function ranks each
        // checkpoint's (reason, count) groups, so only five rows per checkpoint come back.
        let reasonRows = try await db.raw("""
            SELECT exit_checkpoint, exit_reason, exits FROM (
                SELECT exit_checkpoint, exit_reason, COUNT(*) AS exits,
                    ROW_NUMBER() OVER (PARTITION BY exit_checkpoint ORDER BY COUNT(*) DESC, exit_reason) AS reason_rank
            """ + " " + scope + """
             AND processing_type = \(bind: earlyExit) AND exit_reason IS NOT NULL
                GROUP BY exit_checkpoint, exit_reason
            ) ranked WHERE reason_rank <= \(bind: CheckpointPerformance.maximumTopReasons)
            """).all()
        var reasons: [String?: [ExitReasonCount]] = [:]
        for row in reasonRows {
            reasons[try row.optionalString("exit_checkpoint"), default: []]
                .append(ExitReasonCount(reason: try row.string("exit_reason"), count: try row.int("exits")))
        }
        let counted = try groups.map { row in (checkpoint: try row.optionalString("exit_checkpoint"), exits: try row.int("exits"), row: row) }
        let totalEarlyExits = counted.reduce(0) { $0 + $1.exits }
        let checkpoints = try counted.map { group in
            CheckpointPerformance(
                checkpointName: group.checkpoint, exitCount: group.exits, totalEarlyExits: totalEarlyExits,
                topExitReasons: (reasons[group.checkpoint] ?? []).sorted { ($0.count, $1.reason) > ($1.count, $0.reason) },
                avgConfidence: try group.row.optionalDouble("avg_confidence"))
        }
        return checkpoints.sorted { ($0.exitCount, $1.checkpointName ?? "\u{10FFFF}") > ($1.exitCount, $0.checkpointName ?? "\u{10FFFF}") }
    }

    func qualityTrends(on db: any SQLDatabase) async throws -> [QualityTrendBucket] {
        let hour = SQLQueryString("recorded_at / " + String(Self.microsPerHour))
        let rows = try await db.raw("SELECT " + hour + """
             AS bucket, COUNT(*) AS records, AVG(quality_score) AS avg_quality, AVG(coherence) AS avg_coherence,
                AVG(completeness) AS avg_completeness, AVG(informativeness) AS avg_informativeness
            """ + " " + scope + " GROUP BY " + hour + " ORDER BY bucket").all()
        return try rows.map { row in
            QualityTrendBucket(
                timestamp: Timestamp.date(try row.decode(column: "bucket", as: Int64.self) * Self.microsPerHour),
                avgQualityScore: try row.optionalDouble("avg_quality"), coherenceScore: try row.optionalDouble("avg_coherence"),
                completenessScore: try row.optionalDouble("avg_completeness"),
                informativenessScore: try row.optionalDouble("avg_informativeness"), itemsProcessed: try row.int("records"))
        }
    }
}
