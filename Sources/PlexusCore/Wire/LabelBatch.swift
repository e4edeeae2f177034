/// The body of `POST /api/v1/labels/batch`: up to 1,000 labels set in one transaction.
public struct LabelBatch: Sendable, Codable, Hashable {
    /// The most labels one batch may carry.
    public static let maximumLabels = 1000

    /// The labels to set; a label for the same item and score replaces the stored one.
    public var labels: [LabelInput]

    /// Creates a batch body.
    public init(labels: [LabelInput]) {
        self.labels = labels
    }

    /// The domain drafts, with errors naming `labels[i].field`.
    public func drafts() throws -> [LabelDraft] {
        guard !labels.isEmpty, labels.count <= Self.maximumLabels else {
            throw DomainError.invalid(field: "labels", message: "Send between 1 and \(Self.maximumLabels) labels; got \(labels.count). Split larger imports.")
        }
        return try labels.enumerated().map { index, input in
            do {
                return try input.draft()
            } catch let error as DomainError {
                throw error.nested(under: "labels[\(index)]")
            }
        }
    }
}
