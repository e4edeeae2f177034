import PlexusCore

/// Labels: the correct values of items for scores, set in bulk.
public struct LabelsResource: Sendable {
    let core: ClientCore

    /// Sets every label, in requests of at most 1,000 (each one transaction), and returns how many
    /// were set. A label for an item and score that already has one replaces it, so resending is
    /// safe. Upload the items first (``ItemsResource/batchCreate(_:)``) to give them text: an
    /// unknown external item ID creates an empty item.
    @discardableResult
    public func setBatch(_ labels: [LabelInput]) async throws -> Int {
        var count = 0
        for start in stride(from: 0, to: labels.count, by: LabelBatch.maximumLabels) {
            let batch = LabelBatch(labels: Array(labels[start..<min(start + LabelBatch.maximumLabels, labels.count)]))
            try LocalValidation.check { _ = try batch.drafts() }
            let outcome: LabelBatchOutcome = try await core.transport.send(try .post("labels", "batch", body: batch, retryable: true))
            count += outcome.count
        }
        return count
    }
}
