/// Early exits at one checkpoint over a window. Only `early_exit` records count; those without a
/// checkpoint form one group whose `checkpoint_name` is null.
public struct CheckpointPerformance: Sendable, Hashable, Codable {
    /// The most exit reasons listed per checkpoint.
    public static let maximumTopReasons = 5

    /// The checkpoint, or `nil` for early exits that named none.
    public var checkpointName: String?
    /// Early exits at this checkpoint.
    public var exitCount: Int
    /// This checkpoint's share of all early exits in the window, 0–1.
    public var exitRate: Double
    /// The most frequent reasons, most frequent first (ties by reason), at most five.
    public var topExitReasons: [ExitReasonCount]
    /// The mean exit confidence, or `nil` when no exit here gave one.
    public var avgConfidence: Double?

    /// Derives the exit rate from this checkpoint's count and the window's early exits.
    public init(checkpointName: String?, exitCount: Int, totalEarlyExits: Int, topExitReasons: [ExitReasonCount], avgConfidence: Double?) {
        self.checkpointName = checkpointName
        self.exitCount = exitCount
        exitRate = Fraction.of(exitCount, in: totalEarlyExits)
        self.topExitReasons = topExitReasons
        self.avgConfidence = avgConfidence
    }

    private enum CodingKeys: String, CodingKey {
        case checkpointName = "checkpoint_name", exitCount = "exit_count", exitRate = "exit_rate"
        case topExitReasons = "top_exit_reasons", avgConfidence = "avg_confidence"
    }

    /// Encodes missing values as explicit nulls, so every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checkpointName, forKey: .checkpointName)
        try container.encode(exitCount, forKey: .exitCount)
        try container.encode(exitRate, forKey: .exitRate)
        try container.encode(topExitReasons, forKey: .topExitReasons)
        try container.encode(avgConfidence, forKey: .avgConfidence)
    }
}
