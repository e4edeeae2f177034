/// Every performance aggregate of one window, as `GET /api/performance/` answers, under the seed
/// dashboard's keys: `overall_metrics`, `content_type_breakdown`, `checkpoint_analytics` and
/// `quality_trends` (plus `hours`, the window's length).
public struct PerformanceOverview: Sendable, Hashable, Codable {
    /// The window's length in hours.
    public var hours: Int
    /// Counts, rates and time saved.
    public var overallMetrics: PerformanceSummary
    /// Per content type, most records first.
    public var contentTypeBreakdown: [ContentTypePerformance]
    /// Per exit checkpoint, most exits first.
    public var checkpointAnalytics: [CheckpointPerformance]
    /// Per hour, oldest first.
    public var qualityTrends: [QualityTrendBucket]

    /// Creates an overview.
    public init(
        hours: Int, overallMetrics: PerformanceSummary, contentTypeBreakdown: [ContentTypePerformance],
        checkpointAnalytics: [CheckpointPerformance], qualityTrends: [QualityTrendBucket]
    ) {
        self.hours = hours
        self.overallMetrics = overallMetrics
        self.contentTypeBreakdown = contentTypeBreakdown
        self.checkpointAnalytics = checkpointAnalytics
        self.qualityTrends = qualityTrends
    }

    private enum CodingKeys: String, CodingKey {
        case hours, overallMetrics = "overall_metrics", contentTypeBreakdown = "content_type_breakdown"
        case checkpointAnalytics = "checkpoint_analytics", qualityTrends = "quality_trends"
    }
}

/// The answer of `GET /api/performance/content-types`: `{"hours", "content_type_breakdown": [...]}`,
/// the same rows under the same key as the full overview.
public struct ContentTypeBreakdown: Sendable, Hashable, Codable {
    /// The window's length in hours.
    public var hours: Int
    /// Per content type, most records first.
    public var contentTypeBreakdown: [ContentTypePerformance]

    /// Creates an answer.
    public init(hours: Int, contentTypeBreakdown: [ContentTypePerformance]) {
        self.hours = hours
        self.contentTypeBreakdown = contentTypeBreakdown
    }

    private enum CodingKeys: String, CodingKey {
        case hours, contentTypeBreakdown = "content_type_breakdown"
    }
}

/// The answer of `GET /api/performance/checkpoints`: `{"hours", "checkpoint_analytics": [...]}`.
public struct CheckpointAnalytics: Sendable, Hashable, Codable {
    /// The window's length in hours.
    public var hours: Int
    /// Per exit checkpoint, most exits first.
    public var checkpointAnalytics: [CheckpointPerformance]

    /// Creates an answer.
    public init(hours: Int, checkpointAnalytics: [CheckpointPerformance]) {
        self.hours = hours
        self.checkpointAnalytics = checkpointAnalytics
    }

    private enum CodingKeys: String, CodingKey {
        case hours, checkpointAnalytics = "checkpoint_analytics"
    }
}

/// The answer of `GET /api/performance/quality-trends`: `{"hours", "quality_trends": [...]}`.
public struct QualityTrends: Sendable, Hashable, Codable {
    /// The window's length in hours.
    public var hours: Int
    /// Per hour, oldest first.
    public var qualityTrends: [QualityTrendBucket]

    /// Creates an answer.
    public init(hours: Int, qualityTrends: [QualityTrendBucket]) {
        self.hours = hours
        self.qualityTrends = qualityTrends
    }

    private enum CodingKeys: String, CodingKey {
        case hours, qualityTrends = "quality_trends"
    }
}
