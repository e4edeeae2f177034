/// Every performance aggregate of one window, as `GET /api/performance/` answers.
public struct PerformanceOverview: Sendable, Hashable, Codable {
    /// The window's length in hours.
    public var hours: Int
    /// Counts, rates and time saved.
    public var summary: PerformanceSummary
    /// Per content type, most records first.
    public var contentTypes: [ContentTypePerformance]
    /// Per exit checkpoint, most exits first.
    public var checkpoints: [CheckpointPerformance]
    /// Per hour, oldest first.
    public var qualityTrends: [QualityTrendBucket]

    /// Creates an overview.
    public init(
        hours: Int, summary: PerformanceSummary, contentTypes: [ContentTypePerformance],
        checkpoints: [CheckpointPerformance], qualityTrends: [QualityTrendBucket]
    ) {
        self.hours = hours
        self.summary = summary
        self.contentTypes = contentTypes
        self.checkpoints = checkpoints
        self.qualityTrends = qualityTrends
    }

    private enum CodingKeys: String, CodingKey {
        case hours, summary, contentTypes = "content_types", checkpoints, qualityTrends = "quality_trends"
    }
}
