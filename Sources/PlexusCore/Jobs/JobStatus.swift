/// Where a background job is in its life.
public enum JobStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// Waiting for a runner to claim it.
    case queued
    /// Claimed by a runner and in progress.
    case running
    /// Finished without error.
    case completed
    /// Stopped by an error (see the job's `error`).
    case failed

    /// Whether the job has ended, successfully or not.
    public var isFinal: Bool { self == .completed || self == .failed }
}
