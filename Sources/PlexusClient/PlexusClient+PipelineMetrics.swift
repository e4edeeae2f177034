import Foundation
import PlexusCore

extension PlexusClient {
    /// Records how a content pipeline processed one item, for the pipeline performance API and
    /// the dashboard: fire and forget.
    ///
    /// Does nothing at all (no request, no allocation beyond the call) unless
    /// ``ClientConfiguration/pipelineMetricsEnabled`` is on, which by default it is only when
    /// `PLEXUS_ENABLE_DASHBOARD_METRICS=1`. When on, the record is queued and the call returns at
    /// once; records go out in the background in batches, each request limited to
    /// ``ClientConfiguration/pipelineMetricsTimeout`` (5 s). Nothing is thrown: invalid values,
    /// an unreachable server or a full queue are logged and counted in
    /// ``ClientStats/pipelineMetricsFailed``. ``flush()`` and ``shutdown()`` send what is queued.
    ///
    /// `timestamp` defaults to now, so records carry when the item was processed, not when the
    /// batch arrived.
    public func recordPipelineMetrics(
        processingType: ProcessingType, contentType: String? = nil, qualityScore: Double? = nil, processingTime: Double? = nil,
        exitCheckpoint: String? = nil, exitReason: String? = nil, exitConfidence: Double? = nil, timeSavedPct: Double? = nil,
        coherence: Double? = nil, completeness: Double? = nil, informativeness: Double? = nil, timestamp: Date? = nil
    ) {
        guard let metrics = core.metrics else { return }
        metrics.record(PerformanceRecordDraft(
            processingType: processingType, contentType: contentType, qualityScore: qualityScore, processingTime: processingTime,
            exitCheckpoint: exitCheckpoint, exitReason: exitReason, exitConfidence: exitConfidence, timeSavedPct: timeSavedPct,
            coherence: coherence, completeness: completeness, informativeness: informativeness, timestamp: timestamp ?? Date()))
    }
}
