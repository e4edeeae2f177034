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

/// The answer of a list route of the performance API: `{"hours": 24, "<key>": [rows]}`, where the
/// key is the one the full overview uses for the same rows (`content_type_breakdown`,
/// `checkpoint_analytics` or `quality_trends`).
public struct PerformanceRows<Row: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// The window's length in hours.
    public var hours: Int
    /// The key the rows travel under.
    public var key: String
    /// The rows, in the overview's order.
    public var rows: [Row]

    /// Creates an answer.
    public init(hours: Int, key: String, rows: [Row]) {
        self.hours = hours
        self.key = key
        self.rows = rows
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads `hours` and the one other member, whatever its key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        hours = try container.decode(Int.self, forKey: Key("hours"))
        guard let rowsKey = container.allKeys.first(where: { $0.stringValue != "hours" }) else {
            throw DecodingError.keyNotFound(Key("rows"), .init(codingPath: container.codingPath, debugDescription: "No list of rows besides hours."))
        }
        key = rowsKey.stringValue
        rows = try container.decode([Row].self, forKey: rowsKey)
    }

    /// Writes `hours` and the rows under ``key``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(hours, forKey: Key("hours"))
        try container.encode(rows, forKey: Key(key))
    }
}
