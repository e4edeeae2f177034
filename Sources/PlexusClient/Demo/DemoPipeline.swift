import Foundation
import PlexusCore
import PlexusScoring
import PlexusStats

/// A day of a content pipeline's per-item outcomes for the demo's performance page: most items
/// fully processed, some bypassed as good enough, some exiting early at a checkpoint.
enum DemoPipeline {
    private static let contentTypes = ["transcript", "chat", "email", "document"]
    private static let checkpoints = [("relevance", ["off-topic", "duplicate"]), ("quality-gate", ["high confidence", "short text"]),
                                      ("language", ["unsupported language"])]

    static func records(count: Int, endingAt end: Date, seed: UInt64 = 5) -> [PerformanceRecordDraft] {
        var random = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { index in
            let time = end.addingTimeInterval(-86_400 * Double(count - index) / Double(count))
            let contentType = contentTypes.randomElement(using: &random)!
            let roll = Double.random(in: 0..<1, using: &random)
            let quality = Double.random(in: 0.55...0.98, using: &random)
            if roll < 0.2 {
                let (checkpoint, reasons) = checkpoints.randomElement(using: &random)!
                return PerformanceRecordDraft(
                    processingType: .earlyExit, contentType: contentType, qualityScore: quality,
                    processingTime: Double.random(in: 0.05...0.4, using: &random), exitCheckpoint: checkpoint,
                    exitReason: reasons.randomElement(using: &random), exitConfidence: Double.random(in: 0.7...0.99, using: &random),
                    timeSavedPct: Double.random(in: 60...90, using: &random), timestamp: time)
            }
            let lightweight = roll < 0.45
            return PerformanceRecordDraft(
                processingType: lightweight ? .lightweight : .full, contentType: contentType, qualityScore: quality,
                processingTime: lightweight ? Double.random(in: 0.2...0.8, using: &random) : Double.random(in: 1.0...3.5, using: &random),
                timeSavedPct: lightweight ? Double.random(in: 30...60, using: &random) : nil,
                coherence: Double.random(in: 0.6...0.99, using: &random), completeness: Double.random(in: 0.5...0.99, using: &random),
                informativeness: Double.random(in: 0.5...0.95, using: &random), timestamp: time)
        }
    }
}
