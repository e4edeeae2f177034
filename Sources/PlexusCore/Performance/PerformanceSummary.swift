/// Pipeline performance over a window: how many items were processed each way, and the time saved.
///
/// Time saved: a record with processing time `t` seconds and time saving `p` percent would have
/// taken `t / (1 − p/100)` seconds with full processing, so it saved `t · p / (100 − p)` seconds.
/// ``totalTimeSavedHours`` sums that over the records that give both values (records claiming
/// 100 % are left out, since their full time cannot be derived) and converts it to hours.
public struct PerformanceSummary: Sendable, Hashable, Codable {
    /// Records in the window.
    public var totalProcessed: Int
    /// Records processed `lightweight` (quality stages bypassed).
    public var qualityBypassed: Int
    /// Records processed `early_exit`.
    public var earlyExits: Int
    /// Records processed `full`.
    public var fullProcessing: Int
    /// `qualityBypassed / totalProcessed`, 0–1 (0 for an empty window).
    public var bypassRate: Double
    /// `earlyExits / totalProcessed`, 0–1 (0 for an empty window).
    public var earlyExitRate: Double
    /// The mean `time_saved_pct` of the records that give one, 0–100 (0 when none does).
    public var avgTimeSavings: Double
    /// Σ `processing_time · p / (100 − p)` over records with both values, in hours (see above).
    public var totalTimeSavedHours: Double

    /// Derives the rates from the window's counts; `meanTimeSavedPct` and `secondsSaved` are
    /// `nil` when no record gave the values they need.
    public init(
        totalProcessed: Int, qualityBypassed: Int, earlyExits: Int, fullProcessing: Int,
        meanTimeSavedPct: Double?, secondsSaved: Double?
    ) {
        self.totalProcessed = totalProcessed
        self.qualityBypassed = qualityBypassed
        self.earlyExits = earlyExits
        self.fullProcessing = fullProcessing
        bypassRate = Fraction.of(qualityBypassed, in: totalProcessed)
        earlyExitRate = Fraction.of(earlyExits, in: totalProcessed)
        avgTimeSavings = meanTimeSavedPct ?? 0
        totalTimeSavedHours = (secondsSaved ?? 0) / 3600
    }

    private enum CodingKeys: String, CodingKey {
        case totalProcessed = "total_processed", qualityBypassed = "quality_bypassed", earlyExits = "early_exits"
        case fullProcessing = "full_processing", bypassRate = "bypass_rate", earlyExitRate = "early_exit_rate"
        case avgTimeSavings = "avg_time_savings", totalTimeSavedHours = "total_time_saved_hours"
    }
}
