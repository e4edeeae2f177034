/// The answer to `DELETE /api/performance/reset`: `{"status":"reset","deleted":N}`.
public struct PerformanceReset: Sendable, Hashable, Codable {
    /// Always `reset`.
    public var status: String
    /// How many of the account's records were deleted.
    public var deleted: Int

    /// Creates an answer.
    public init(deleted: Int) {
        status = "reset"
        self.deleted = deleted
    }
}
