import Foundation
import PlexusCore
import PlexusScoring

/// Training runs in MLflow: a run with the held-out metrics and the model artifact, registered
/// as a new version of the registered model `<scorecard>.<score>`.
extension TrainingReport {
    /// Where a training run ended up in MLflow.
    public struct MLflowRegistration: Sendable {
        /// The run's ID.
        public var runID: String
        /// The registered model's name.
        public var modelName: String
        /// The new model version.
        public var modelVersion: Int
    }

    /// Logs the training run and registers the model.
    public func logToMLflow(uri: String, scorecard: String, score: String) async throws -> MLflowRegistration {
        let logger = MLflowLogger(client: try MLflowClient(trackingURI: uri))
        var metrics: [MLflowMetric] = [
            MLflowMetric(key: "training_items", value: Double(model.evaluation.trainingCount)),
            MLflowMetric(key: "held_out_items", value: Double(model.evaluation.heldOutCount)),
            MLflowMetric(key: "vocabulary_size", value: Double(model.vocabulary.count)),
        ]
        if let held = model.evaluation.metrics {
            metrics += [MLflowMetric(key: "accuracy", value: held.accuracy), MLflowMetric(key: "macro_f1", value: held.macro.f1),
                        MLflowMetric(key: "kappa", value: held.cohensKappa)]
        }
        let settings = model.settings
        let params = [
            "scorecard": scorecard, "score": score, "algorithm": model.algorithm.rawValue, "plexus_model_version": String(stored.version),
            "ngram_range": "\(settings.ngramRange.lowerBound)-\(settings.ngramRange.upperBound)", "min_df": String(settings.minDF),
            "c": String(settings.c), "alpha": String(settings.alpha), "test_size": String(settings.testSize), "seed": String(settings.seed),
        ]
        let log = MLflowRunLog(
            experimentName: "plexus/\(scorecard)", runName: "train \(score) v\(stored.version)", params: params, metrics: metrics,
            tags: ["plexus.kind": "training", "plexus.score": score], artifacts: [MLflowArtifact(path: "model/model.json", data: Data(artifact.utf8))])
        let logged = try await logger.log(log)
        let name = "\(scorecard).\(score)"
        let version = try await logger.registerModel(name: name, runID: logged.runID, artifactPath: "model")
        return MLflowRegistration(runID: logged.runID, modelName: name, modelVersion: version)
    }
}
