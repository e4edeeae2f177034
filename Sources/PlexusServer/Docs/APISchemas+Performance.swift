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
            "checkpoint_name": S.nullable(S.string), "exit_count": S.integer, "exit_rate": S.unitInterval,
            "top_exit_reasons": S.array(S.ref("ExitReasonCount")), "avg_confidence": optionalUnit,
        ], required: ["checkpoint_name", "exit_count", "exit_rate", "top_exit_reasons", "avg_confidence"]),
        "QualityTrendBucket": S.object([
            "timestamp": S.dateTime, "avg_quality_score": optionalUnit, "coherence_score": optionalUnit, "completeness_score": optionalUnit,
            "informativeness_score": optionalUnit, "items_processed": S.integer,
        ], required: ["timestamp", "avg_quality_score", "coherence_score", "completeness_score", "informativeness_score", "items_processed"]),
        "ContentTypePerformanceList": S.object(
            ["hours": S.integer, "content_type_breakdown": S.array(S.ref("ContentTypePerformance"))], required: ["hours", "content_type_breakdown"]),
        "CheckpointPerformanceList": S.object(
            ["hours": S.integer, "checkpoint_analytics": S.array(S.ref("CheckpointPerformance"))], required: ["hours", "checkpoint_analytics"]),
        "QualityTrendList": S.object(
            ["hours": S.integer, "quality_trends": S.array(S.ref("QualityTrendBucket"))], required: ["hours", "quality_trends"]),
        "PerformanceOverview": S.object([
            "hours": S.integer, "overall_metrics": S.ref("PerformanceSummary"),
            "content_type_breakdown": S.array(S.ref("ContentTypePerformance")), "checkpoint_analytics": S.array(S.ref("CheckpointPerformance")),
            "quality_trends": S.array(S.ref("QualityTrendBucket")),
        ], required: ["hours", "overall_metrics", "content_type_breakdown", "checkpoint_analytics", "quality_trends"]),
    ]
}
