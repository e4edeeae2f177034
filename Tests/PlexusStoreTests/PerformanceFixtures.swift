import Foundation
import PlexusCore
import PlexusStore

/// A small, fixed set of pipeline records around a fixed clock, with every aggregate worked out
/// by hand in ``PerformanceStoreTests``.
enum PerformanceFixtures {
    /// The store's clock: 2026-11-23 12:30 UTC.
    static let now = date("2026-11-23T12:30:00Z")

    /// A store environment whose clock stands still at ``now``.
    static let environment = StoreEnvironment(now: { now }, newIDs: StoreEnvironment.system.newIDs)

    static func date(_ text: String) -> Date { PlexusJSON.parseDate(text)! }

    /// Eight records inside the last 24 hours (hours 10:00, 11:00 and 12:00) and one 24.5 hours old.
    static let records: [PerformanceRecordDraft] = [
        .init(processingType: .full, contentType: "transcript", qualityScore: 0.9, processingTime: 10, coherence: 0.8,
              completeness: 0.9, informativeness: 0.7, timestamp: date("2026-11-23T10:05:00Z")),
        .init(processingType: .full, contentType: "transcript", qualityScore: 0.7, processingTime: 12, coherence: 0.6,
              timestamp: date("2026-11-23T10:20:00Z")),
        .init(processingType: .lightweight, contentType: "transcript", qualityScore: 0.5, processingTime: 2, timeSavedPct: 80,
              timestamp: date("2026-11-23T11:10:00Z")),
        .init(processingType: .lightweight, contentType: "email", qualityScore: 0.6, processingTime: 1, timeSavedPct: 50,
              timestamp: date("2026-11-23T11:40:00Z")),
        .init(processingType: .earlyExit, contentType: "email", qualityScore: 0.8, processingTime: 3, exitCheckpoint: "pre_check",
              exitReason: "short", exitConfidence: 0.9, timeSavedPct: 75, timestamp: date("2026-11-23T12:01:00Z")),
        .init(processingType: .earlyExit, contentType: "email", processingTime: 1, exitCheckpoint: "pre_check",
              exitReason: "short", exitConfidence: 0.7, timeSavedPct: 100, timestamp: date("2026-11-23T12:02:00Z")),
        .init(processingType: .earlyExit, exitCheckpoint: "pre_check", exitReason: "duplicate", timestamp: date("2026-11-23T12:03:00Z")),
        .init(processingType: .earlyExit, contentType: "transcript", processingTime: 4, exitCheckpoint: "post_summary",
              exitReason: "confident", exitConfidence: 0.95, timeSavedPct: 20, timestamp: date("2026-11-23T12:04:00Z")),
        .init(processingType: .full, contentType: "transcript", qualityScore: 0.1, processingTime: 100, timeSavedPct: 10,
              timestamp: date("2026-11-22T12:00:00Z")),
    ]

    static func window(_ hours: Int) -> PerformanceWindow {
        // The tests only pass valid hours.
        try! PerformanceWindow(hours: hours)
    }
}
