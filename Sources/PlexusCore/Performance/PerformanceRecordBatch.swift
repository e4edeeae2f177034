/// The body of `POST /api/performance/record/batch`.
public struct PerformanceRecordBatch: Sendable, Hashable, Codable {
    /// The records, at most 10,000; stored all together or not at all.
    public var records: [PerformanceRecordDraft]

    /// Creates a batch body.
    public init(records: [PerformanceRecordDraft]) {
        self.records = records
    }
}
