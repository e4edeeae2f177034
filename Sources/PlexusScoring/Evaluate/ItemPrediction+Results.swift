import PlexusCore

extension ItemPrediction {
    /// The labelled, non-skipped predictions among `results`: each result whose metadata carries the
    /// human label as `trueValue` (as evaluation runs record it) and whose value is not
    /// ``Classification/skippedValue``. Results without a label cannot be judged and are left out.
    public static func from(results: [ScoreResult]) -> [ItemPrediction] {
        results.compactMap { result in
            guard let label = result.metadata?.objectValue?["trueValue"]?.stringValue, result.value != Classification.skippedValue else { return nil }
            return ItemPrediction(itemID: result.itemId.rawValue, label: label, predicted: result.value)
        }
    }
}
