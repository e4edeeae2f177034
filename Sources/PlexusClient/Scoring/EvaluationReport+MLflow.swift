import Foundation
import PlexusCore
import PlexusScoring
import PlexusStats

/// Evaluation reports as MLflow runs: one run per evaluated score.
extension EvaluationReport {
    /// The MLflow experiment runs go to: `plexus/<scorecard>`.
    public var mlflowExperiment: String { "plexus/\(scorecardKey)" }

    /// One run per score: params (scorecard, version, classifier settings), every metric
    /// (overall and per class), tags linking back to Plexus, and the confusion matrix and
    /// per-item predictions as JSON artifacts.
    public func mlflowRuns() throws -> [MLflowRunLog] {
        try scores.map { score in
            let tally = score.tally
            let classifier = String(decoding: try PlexusJSON.encoder().encode(tally.score.classifier), as: UTF8.self)
            let params = [
                "scorecard": scorecardKey, "scorecard_version": String(version), "score": tally.score.key,
                "classifier_type": score.classifierType, "classifier": classifier, "items": String(items),
                "positive_class": tally.positiveClass,
            ]
            let tags = ["plexus.evaluation_id": score.evaluationID.rawValue, "plexus.scorecard": scorecardKey, "plexus.score": tally.score.key]
            let artifacts = [
                MLflowArtifact(path: "confusion_matrix.json", data: try PlexusJSON.encoder().encode(tally.metrics.confusionMatrixJSON)),
                MLflowArtifact(path: "predictions.json", data: try PlexusJSON.encoder().encode(tally.predictions)),
            ]
            return MLflowRunLog(
                experimentName: mlflowExperiment, runName: "\(tally.score.key) v\(version) (\(score.classifierType))",
                params: params, metrics: Self.metrics(of: tally), tags: tags, artifacts: artifacts)
        }
    }

    private static func metrics(of tally: ScoreTally) -> [MLflowMetric] {
        let metrics = tally.metrics
        var values: [(String, Double)] = [
            ("accuracy", metrics.accuracy), ("precision", metrics.precision), ("recall", metrics.recall),
            ("specificity", metrics.specificity), ("f1", metrics.f1), ("kappa", metrics.kappa), ("ac1", metrics.ac1),
            ("mcc", metrics.mcc), ("cost_usd", tally.usage.cost), ("items_compared", Double(tally.compared)),
            ("items_left_out", Double(tally.leftOut)), ("prompt_tokens", Double(tally.usage.promptTokens)),
            ("completion_tokens", Double(tally.usage.completionTokens)),
        ]
        let full = ClassificationMetrics(metrics.matrix)
        for perClass in full.perClass {
            let name = MLflowName.safe(perClass.label)
            values += [("class.\(name).precision", perClass.precision), ("class.\(name).recall", perClass.sensitivity),
                       ("class.\(name).f1", perClass.f1), ("class.\(name).support", Double(perClass.support))]
        }
        values += [("macro.f1", full.macro.f1), ("weighted.f1", full.weighted.f1)]
        return values.filter { $0.1.isFinite }.map { MLflowMetric(key: $0.0, value: $0.1) }
    }
}

/// MLflow keys allow letters, digits, `_ - . / space`; anything else becomes `_`.
enum MLflowName {
    static func safe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || "_-./ ".contains($0) ? $0 : "_" })
    }
}
