/// Pipeline performance of one content type over a window. Records without a content type form
/// one group whose `content_type` is null.
public struct ContentTypePerformance: Sendable, Hashable, Codable {
    /// The content type, or `nil` for records that gave none.
    public var contentType: String?
    /// Records of this type in the window.
    public var count: Int
    /// The share of them processed `lightweight`, 0–1.
    public var bypassRate: Double
    /// Their mean quality score, or `nil` when none gave one.
    public var avgQualityScore: Double?
    /// Their mean processing time in seconds, or `nil` when none gave one.
    public var avgProcessingTime: Double?

    /// Derives the bypass rate from the group's counts.
    public init(contentType: String?, count: Int, bypassed: Int, avgQualityScore: Double?, avgProcessingTime: Double?) {
        self.contentType = contentType
        self.count = count
        bypassRate = Fraction.of(bypassed, in: count)
        self.avgQualityScore = avgQualityScore
        self.avgProcessingTime = avgProcessingTime
    }

    private enum CodingKeys: String, CodingKey {
        case contentType = "content_type", count, bypassRate = "bypass_rate"
        case avgQualityScore = "avg_quality_score", avgProcessingTime = "avg_processing_time"
    }

    /// Encodes missing values as explicit nulls, so every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(count, forKey: .count)
        try container.encode(bypassRate, forKey: .bypassRate)
        try container.encode(avgQualityScore, forKey: .avgQualityScore)
        try container.encode(avgProcessingTime, forKey: .avgProcessingTime)
    }
}
