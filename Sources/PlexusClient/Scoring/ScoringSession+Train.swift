import Foundation
import PlexusCore
import PlexusScoring

/// Training `ml` scores from the labels stored on the server.
extension ScoringSession {
    /// Trains score `key`'s `ml` classifier on its stored labels with the block's settings
    /// (held-out split, seed), and stores the model as the score's next version.
    public func train(score key: String) async throws -> TrainingReport {
        guard let score = definition.score(key) else {
            throw ScorecardRunnerError.unknownScore(key, known: definition.allScores.map(\.key))
        }
        guard score.classifierType == MLClassifierKind().type else {
            throw TrainingError.notMachineLearned(score: key, type: score.classifierType ?? "")
        }
        let settings = try MLClassifierKind().trainingSettings(score.classifier)
        let labelled = try await client.scorecards.allLabelledItems(definition.key, score: key)
        guard !labelled.isEmpty else { throw TrainingError.noLabels(scorecard: definition.key, score: key) }
        let examples = labelled.sorted { $0.itemId < $1.itemId }.map { (text: $0.text, label: $0.label) }
        let model = try TextModelTrainer(settings: settings).train(examples)
        let artifact = String(decoding: try model.encoded(), as: UTF8.self)
        let stored = try await client.models.store(
            scorecard: definition.key, score: key, algorithm: model.algorithm.rawValue, artifact: artifact, metrics: Self.metrics(of: model))
        return TrainingReport(model: model, stored: stored, artifact: artifact)
    }

    private static func metrics(of model: TrainedTextModel) -> JSONValue {
        let evaluation = model.evaluation
        var metrics: [String: JSONValue] = [
            "trainingCount": .number(Double(evaluation.trainingCount)), "heldOutCount": .number(Double(evaluation.heldOutCount)),
        ]
        if let held = evaluation.metrics {
            metrics["accuracy"] = .number(held.accuracy)
            metrics["macroF1"] = .number(held.macro.f1)
            metrics["kappa"] = .number(held.cohensKappa)
        }
        if let logLoss = evaluation.logLoss { metrics["logLoss"] = .number(logLoss) }
        return .object(metrics)
    }
}

/// Why a score cannot be trained.
public enum TrainingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The score's classifier is not `ml`.
    case notMachineLearned(score: String, type: String)
    /// The score has no stored labels.
    case noLabels(scorecard: String, score: String)

    /// What to do about it.
    public var description: String {
        switch self {
        case .notMachineLearned(let score, let type):
            "Score '\(score)' uses a '\(type)' classifier; only 'ml' scores are trained."
        case .noLabels(let scorecard, let score):
            "Score '\(score)' of '\(scorecard)' has no labels; import some with `plexus items import FILE --scorecard \(scorecard)`."
        }
    }
}
