import Foundation

/// Output quality in one clock hour (UTC). Hours without records are left out of a trend.
public struct QualityTrendBucket: Sendable, Hashable, Codable {
    /// The start of the hour.
    public var hour: Date
    /// Mean quality score, or `nil` when no record of the hour gave one.
    public var avgQuality: Double?
    /// Mean coherence, or `nil` when none was given.
    public var avgCoherence: Double?
    /// Mean completeness, or `nil` when none was given.
    public var avgCompleteness: Double?
    /// Mean informativeness, or `nil` when none was given.
    public var avgInformativeness: Double?
    /// Records in the hour.
    public var itemsProcessed: Int

    /// Creates a bucket.
    public init(
        hour: Date, avgQuality: Double?, avgCoherence: Double?, avgCompleteness: Double?, avgInformativeness: Double?, itemsProcessed: Int
    ) {
        self.hour = hour
        self.avgQuality = avgQuality
        self.avgCoherence = avgCoherence
        self.avgCompleteness = avgCompleteness
        self.avgInformativeness = avgInformativeness
        self.itemsProcessed = itemsProcessed
    }

    private enum CodingKeys: String, CodingKey {
        case hour, avgQuality = "avg_quality", avgCoherence = "avg_coherence", avgCompleteness = "avg_completeness"
        case avgInformativeness = "avg_informativeness", itemsProcessed = "items_processed"
    }

    /// Encodes missing values as explicit nulls, so every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hour, forKey: .hour)
        try container.encode(avgQuality, forKey: .avgQuality)
        try container.encode(avgCoherence, forKey: .avgCoherence)
        try container.encode(avgCompleteness, forKey: .avgCompleteness)
        try container.encode(avgInformativeness, forKey: .avgInformativeness)
        try container.encode(itemsProcessed, forKey: .itemsProcessed)
    }
}
