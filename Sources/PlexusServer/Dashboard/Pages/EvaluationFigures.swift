import PlexusCore
import PlexusStats

/// What the evaluation page draws, computed from the evaluation's results in the order they
/// arrived. Each result's truth comes from its metadata `trueValue`, as evaluation runs record it.
struct EvaluationFigures {
    /// One judged result.
    struct Outcome {
        let result: ScoreResult
        let truth: String
        var isCorrect: Bool { result.value == truth }
    }

    /// The most points the accuracy line gets, however many results there are.
    static let maximumPoints = 200

    let outcomes: [Outcome]

    init(results: [ScoreResult]) {
        outcomes = results.compactMap { result in
            guard let truth = result.metadata?["trueValue"]?.stringValue else { return nil }
            return Outcome(result: result, truth: truth)
        }
    }

    /// Running accuracy after each processed item, thinned to at most ``maximumPoints`` points.
    var accuracyCurve: [ChartPoint] {
        guard !outcomes.isEmpty else { return [] }
        let step = max(1, outcomes.count / Self.maximumPoints)
        var correct = 0
        var points: [ChartPoint] = []
        for (index, outcome) in outcomes.enumerated() {
            if outcome.isCorrect { correct += 1 }
            let processed = index + 1
            if processed % step == 0 || processed == outcomes.count {
                points.append(ChartPoint(x: Double(processed), y: Double(correct) / Double(processed)))
            }
        }
        return points
    }

    /// The confusion matrix of the judged results, with `classes` first in their order.
    func matrix(classes: [String]) -> ConfusionMatrix? {
        try? ConfusionMatrix(actual: outcomes.map(\.truth), predicted: outcomes.map(\.result.value),
                             labels: classes + Set(outcomes.flatMap { [$0.truth, $0.result.value] }).subtracting(classes).sorted())
    }

    /// The latest results that disagree with their truth.
    func mismatches(limit: Int) -> [Outcome] {
        Array(outcomes.reversed().filter { !$0.isCorrect }.prefix(limit))
    }
}
