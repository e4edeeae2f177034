import Foundation

extension Evaluation {
    /// Applies the fields an update sets, and the timestamps a status change implies.
    public mutating func apply(_ update: EvaluationUpdate, at now: Date) {
        if let status = update.status, status != self.status {
            if status == .running, startedAt == nil { startedAt = now }
            if status.isFinal { completedAt = now }
            self.status = status
        }
        progress = update.progress ?? progress
        processedItems = update.processedItems ?? processedItems
        totalItems = update.totalItems ?? totalItems
        accuracy = update.accuracy ?? accuracy
        metrics = update.metrics ?? metrics
        confusionMatrix = update.confusionMatrix ?? confusionMatrix
        errorMessage = update.errorMessage ?? errorMessage
        errorDetails = update.errorDetails ?? errorDetails
        updatedAt = now
    }
}
