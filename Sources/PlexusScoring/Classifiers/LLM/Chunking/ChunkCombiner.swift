/// Turns the per-chunk results of a long text into one class and confidence.
struct ChunkCombiner: Sendable {
    var rule: ChunkingSettings.Combine
    /// The class `any` and `all` look for: the score's positive class, else `Yes`.
    var positiveClass: String

    /// The combined class and confidence of `results` (value, confidence) in chunk order; `results` is not empty.
    func combine(_ results: [(value: String, confidence: Double?)]) -> (value: String, confidence: Double?) {
        let positives = results.filter { $0.value == positiveClass }
        let negatives = results.filter { $0.value != positiveClass }
        switch rule {
        case .any:
            if !positives.isEmpty { return (positiveClass, maxConfidence(positives)) }
            return (majority(results).value, minConfidence(results))
        case .all:
            if negatives.isEmpty { return (positiveClass, minConfidence(positives)) }
            return (negatives[0].value, maxConfidence(negatives))
        case .majority:
            let winner = majority(results)
            return (winner.value, Double(winner.count) / Double(results.count))
        case .maxConfidence:
            let best = results.enumerated().max { lhs, rhs in
                let a = lhs.element.confidence ?? 0, b = rhs.element.confidence ?? 0
                return a == b ? lhs.offset > rhs.offset : a < b
            }!.element
            return (best.value, best.confidence)
        }
    }

    /// The most common value; ties go to the value that appeared first.
    private func majority(_ results: [(value: String, confidence: Double?)]) -> (value: String, count: Int) {
        var counts: [String: Int] = [:]
        for result in results { counts[result.value, default: 0] += 1 }
        let top = counts.values.max() ?? 0
        let value = results.first { counts[$0.value] == top }!.value
        return (value, top)
    }

    private func maxConfidence(_ results: [(value: String, confidence: Double?)]) -> Double? {
        results.compactMap(\.confidence).max()
    }

    private func minConfidence(_ results: [(value: String, confidence: Double?)]) -> Double? {
        results.compactMap(\.confidence).min()
    }
}
