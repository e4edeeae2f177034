import PlexusCore

/// The JSON Schemas of the pipeline performance API; its keys are snake_case, as pipelines send them.
extension APISchemas {
    private typealias S = Schema

    private static let percentage: JSONValue = ["type": "number", "minimum": 0, "maximum": 100]
    private static let optionalUnit = S.nullable(S.unitInterval)
    private static let optionalNumber = S.nullable(S.nonNegative)

    static let performance: [String: JSONValue] = [
        "PerformanceRecord": S.object([
            "processing_type": S.enumeration(ProcessingType.allCases.map(\.rawValue)), "content_type": S.string,
            "quality_score": S.unitInterval, "processing_time": S.nonNegative, "exit_checkpoint": S.string, "exit_reason": S.string,
            "exit_confidence": S.unitInterval, "time_saved_pct": percentage, "coherence": S.unitInterval,
            "completeness": S.unitInterval, "informativeness": S.unitInterval, "timestamp": S.dateTime,
        ], required: ["processing_type"]),
        "PerformanceRecordBatch": S.object(["records": S.array(S.ref("PerformanceRecord"))], required: ["records"]),
        "PerformanceRecorded": S.object(["status": S.enumeration(["recorded"]), "count": S.integer], required: ["status"]),
        "PerformanceReset": S.object(["status": S.enumeration(["reset"]), "deleted": S.integer], required: ["status", "deleted"]),
        "PerformanceSummary": S.object([
            "total_processed": S.integer, "quality_bypassed": S.integer, "early_exits": S.integer, "full_processing": S.integer,
            "bypass_rate": S.unitInterval, "early_exit_rate": S.unitInterval, "avg_time_savings": percentage, "total_time_saved_hours": S.nonNegative,
        ], required: ["total_processed", "quality_bypassed", "early_exits", "full_processing", "bypass_rate", "early_exit_rate", "avg_time_savings", "total_time_saved_hours"]),
        "ContentTypePerformance": S.object([
            "content_type": S.nullable(S.string), "count": S.integer, "bypass_rate": S.unitInterval,
            "avg_quality_score": optionalUnit, "avg_processing_time": optionalNumber,
        ], required: ["content_type", "count", "bypass_rate", "avg_quality_score", "avg_processing_time"]),
        "ExitReasonCount": S.object(["reason": S.string, "count": S.integer], required: ["reason", "count"]),
        "CheckpointPerformance": S.object([
            "exit_checkpoint": S.nullable(S.string), "exit_count": S.integer, "exit_rate": S.unitInterval,
            "top_exit_reasons": S.array(S.ref("ExitReasonCount")), "avg_confidence": optionalUnit,
        ], required: ["exit_checkpoint", "exit_count", "exit_rate", "top_exit_reasons", "avg_confidence"]),
        "QualityTrendBucket": S.object([
            "hour": S.dateTime, "avg_quality": optionalUnit, "avg_coherence": optionalUnit, "avg_completeness": optionalUnit,
            "avg_informativeness": optionalUnit, "items_processed": S.integer,
        ], required: ["hour", "avg_quality", "avg_coherence", "avg_completeness", "avg_informativeness", "items_processed"]),
        "ContentTypePerformanceList": S.object(["content_types": S.array(S.ref("ContentTypePerformance"))], required: ["content_types"]),
        "CheckpointPerformanceList": S.object(["checkpoints": S.array(S.ref("CheckpointPerformance"))], required: ["checkpoints"]),
        "QualityTrendList": S.object(["quality_trends": S.array(S.ref("QualityTrendBucket"))], required: ["quality_trends"]),
        "PerformanceOverview": S.object([
            "hours": S.integer, "summary": S.ref("PerformanceSummary"),
            "content_types": S.array(S.ref("ContentTypePerformance")), "checkpoints": S.array(S.ref("CheckpointPerformance")),
            "quality_trends": S.array(S.ref("QualityTrendBucket")),
        ], required: ["hours", "summary", "content_types", "checkpoints", "quality_trends"]),
    ]
}
