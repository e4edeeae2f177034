/// What `POST /api/v1/labels/batch` did.
public struct LabelBatchOutcome: Sendable, Codable, Hashable {
    /// How many labels were set (created or replaced).
    public var count: Int

    /// Creates an outcome.
    public init(count: Int) {
        self.count = count
    }
}
