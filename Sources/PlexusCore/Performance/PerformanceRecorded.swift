/// The answer to a record call: `{"status":"recorded"}`, with `count` for a batch.
public struct PerformanceRecorded: Sendable, Hashable, Codable {
    /// Always `recorded`.
    public var status: String
    /// How many records a batch stored; absent for a single record.
    public var count: Int?

    /// Creates an answer.
    public init(count: Int? = nil) {
        status = "recorded"
        self.count = count
    }
}
