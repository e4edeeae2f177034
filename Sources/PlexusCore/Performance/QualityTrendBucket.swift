import Foundation

/// Output quality in one clock hour (UTC), under the seed dashboard's keys (`timestamp`,
/// `avg_quality_score`, `coherence_score`, `completeness_score`, `informativeness_score`,
/// `items_processed`). Hours without records are left out of a trend.
public struct QualityTrendBucket: Sendable, Hashable, Codable {
    /// The start of the hour.
    public var timestamp: Date
    /// Mean quality score, or `nil` when no record of the hour gave one.
    public var avgQualityScore: Double?
    /// Mean coherence, or `nil` when none was given.
    public var coherenceScore: Double?
    /// Mean completeness, or `nil` when none was given.
    public var completenessScore: Double?
    /// Mean informativeness, or `nil` when none was given.
    public var informativenessScore: Double?
    /// Records in the hour.
    public var itemsProcessed: Int

    /// Creates a bucket.
    public init(
        timestamp: Date, avgQualityScore: Double?, coherenceScore: Double?, completenessScore: Double?, informativenessScore: Double?,
        itemsProcessed: Int
    ) {
        self.timestamp = timestamp
        self.avgQualityScore = avgQualityScore
        self.coherenceScore = coherenceScore
        self.completenessScore = completenessScore
        self.informativenessScore = informativenessScore
        self.itemsProcessed = itemsProcessed
    }

    private enum CodingKeys: String, CodingKey {
        case timestamp, avgQualityScore = "avg_quality_score", coherenceScore = "coherence_score"
        case completenessScore = "completeness_score", informativenessScore = "informativeness_score", itemsProcessed = "items_processed"
    }

    /// Encodes missing values as explicit nulls, so every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(avgQualityScore, forKey: .avgQualityScore)
        try container.encode(coherenceScore, forKey: .coherenceScore)
        try container.encode(completenessScore, forKey: .completenessScore)
        try container.encode(informativenessScore, forKey: .informativenessScore)
        try container.encode(itemsProcessed, forKey: .itemsProcessed)
    }
}
