/// Where an evaluation is in its life.
public enum EvaluationStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case pending = "PENDING"
    case running = "RUNNING"
    case completed = "COMPLETED"
    case failed = "FAILED"
    /// Stopped before the end on purpose, e.g. by Ctrl-C; what was recorded up to then is kept.
    case cancelled = "CANCELLED"

    /// Whether the evaluation has ended, successfully or not.
    public var isFinal: Bool { self == .completed || self == .failed || self == .cancelled }
}
