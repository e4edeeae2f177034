import Foundation

/// How a content pipeline processed one item, as sent to `POST /api/performance/record` (or
/// inside a batch). Everything but the processing type is optional.
///
/// The wire keys are snake_case (`processing_type`, `quality_score`, …), as pipelines already send them.
public struct PerformanceRecordDraft: Sendable, Hashable, Codable {
    /// How the item was processed.
    public var processingType: ProcessingType
    /// The kind of content, such as `transcript` or `email`.
    public var contentType: String?
    /// The quality of the output, from 0 to 1.
    public var qualityScore: Double?
    /// How long processing took, in seconds.
    public var processingTime: Double?
    /// The checkpoint an early exit happened at.
    public var exitCheckpoint: String?
    /// Why processing exited early.
    public var exitReason: String?
    /// How sure the pipeline was when it exited early, from 0 to 1.
    public var exitConfidence: Double?
    /// The share of full-processing time saved, from 0 to 100 percent.
    public var timeSavedPct: Double?
    /// Coherence of the output, from 0 to 1.
    public var coherence: Double?
    /// Completeness of the output, from 0 to 1.
    public var completeness: Double?
    /// Informativeness of the output, from 0 to 1.
    public var informativeness: Double?
    /// When the item was processed; the time the server receives it when absent.
    public var timestamp: Date?

    /// Creates a draft.
    public init(
        processingType: ProcessingType, contentType: String? = nil, qualityScore: Double? = nil, processingTime: Double? = nil,
        exitCheckpoint: String? = nil, exitReason: String? = nil, exitConfidence: Double? = nil, timeSavedPct: Double? = nil,
        coherence: Double? = nil, completeness: Double? = nil, informativeness: Double? = nil, timestamp: Date? = nil
    ) {
        self.processingType = processingType
        self.contentType = contentType
        self.qualityScore = qualityScore
        self.processingTime = processingTime
        self.exitCheckpoint = exitCheckpoint
        self.exitReason = exitReason
        self.exitConfidence = exitConfidence
        self.timeSavedPct = timeSavedPct
        self.coherence = coherence
        self.completeness = completeness
        self.informativeness = informativeness
        self.timestamp = timestamp
    }

    private enum CodingKeys: String, CodingKey {
        case processingType = "processing_type", contentType = "content_type", qualityScore = "quality_score"
        case processingTime = "processing_time", exitCheckpoint = "exit_checkpoint", exitReason = "exit_reason"
        case exitConfidence = "exit_confidence", timeSavedPct = "time_saved_pct", coherence, completeness, informativeness, timestamp
    }

    /// The longest content type, checkpoint or exit reason accepted.
    public static let maximumTextLength = 500

    /// How far in the future a given `timestamp` may be, allowing for clock skew.
    public static let allowedClockSkew: TimeInterval = 300

    /// Checks ranges, lengths and that `timestamp` is not in the future (beyond clock skew);
    /// `field` prefixes the reported path, e.g. `records[3]`.
    public func validate(field: String, now: Date = Date()) throws {
        func path(_ name: CodingKeys) -> String { field.isEmpty ? name.rawValue : "\(field).\(name.rawValue)" }
        if let timestamp, timestamp.timeIntervalSince(now) > Self.allowedClockSkew {
            throw DomainError.invalid(field: path(.timestamp), message: "The timestamp \(PlexusJSON.formatDate(timestamp)) is in the future; send the time the item was processed, or leave it out for now.")
        }
        try Validate.length(contentType, atMost: Self.maximumTextLength, field: path(.contentType))
        try Validate.unitInterval(qualityScore, field: path(.qualityScore))
        try Validate.nonNegative(processingTime, field: path(.processingTime))
        try Validate.length(exitCheckpoint, atMost: Self.maximumTextLength, field: path(.exitCheckpoint))
        try Validate.length(exitReason, atMost: Self.maximumTextLength, field: path(.exitReason))
        try Validate.unitInterval(exitConfidence, field: path(.exitConfidence))
        try Validate.percentage(timeSavedPct, field: path(.timeSavedPct))
        try Validate.unitInterval(coherence, field: path(.coherence))
        try Validate.unitInterval(completeness, field: path(.completeness))
        try Validate.unitInterval(informativeness, field: path(.informativeness))
    }
}
