import PlexusCore

extension ScoreTally {
    /// The evaluation's live fields after `processed` of `total` items: progress, accuracy,
    /// metrics (with cost, items compared and left out) and the confusion matrix.
    public func evaluationUpdate(processed: Int, total: Int) -> EvaluationUpdate {
        let metrics = self.metrics
        var json = metrics.json.objectValue ?? [:]
        json["cost"] = .number(usage.cost)
        json["compared"] = .number(Double(compared))
        json["leftOut"] = .number(Double(leftOut))
        return EvaluationUpdate(
            progress: total == 0 ? 1 : Double(processed) / Double(total), processedItems: processed, accuracy: metrics.accuracy,
            metrics: .object(json), confusionMatrix: metrics.confusionMatrixJSON)
    }
}
