import PlexusCore

/// The `ml` classifier type: a TF-IDF text model (logistic regression or naive Bayes) trained by
/// `plexus train` from labelled items and stored as a versioned ``TrainedTextModel``. See
/// ``MLSettings`` for the block and docs/classifiers/ml.md for the whole story.
public struct MLClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `ml`.
    public var type: String { "ml" }

    /// Unknown keys, values of the wrong type, and values out of range.
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        let unknown = (settings.objectValue ?? [:]).keys.filter { !MLSettings.keys.contains($0) }.sorted().map { key in
            SettingsProblem(path: key, message: "Unknown ml setting '\(key)'; the settings are \(MLSettings.keys.sorted().joined(separator: ", ")).")
        }
        do {
            return unknown + (try SettingsDecoder.decode(MLSettings.self, from: settings)).problems
        } catch {
            return unknown + [error]
        }
    }

    /// The training settings of an `ml` block, for `plexus train`; throws the first problem.
    public func trainingSettings(_ settings: JSONValue) throws(SettingsProblem) -> TextModelSettings {
        let decoded = try SettingsDecoder.decode(MLSettings.self, from: settings)
        if let problem = decoded.problems.first { throw problem }
        return decoded.trainingSettings
    }

    /// Loads the score's trained model (the pinned `model_version`, else the newest).
    ///
    /// - Throws: ``MLClassifierError/noTrainedModel(scorecard:score:version:)`` when none is stored,
    ///   ``MLClassifierError/unusableArtifact(score:version:problem:)`` when it cannot be read, and
    ///   ``MLClassifierError/classesNotInScore(score:classes:scoreClasses:)`` when its classes are not the score's.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        let decoded = try SettingsDecoder.decode(MLSettings.self, from: settings)
        let scorecard = context.scorecardKey
        guard let stored = try await context.models.artifact(scorecard: scorecard, score: score.key, version: decoded.modelVersion) else {
            throw MLClassifierError.noTrainedModel(scorecard: scorecard, score: score.key, version: decoded.modelVersion)
        }
        let artifact: TrainedTextModel
        do {
            artifact = try TrainedTextModel.decode(stored.data)
        } catch {
            throw MLClassifierError.unusableArtifact(score: score.key, version: stored.version, problem: error)
        }
        if !score.classes.isEmpty, !Set(artifact.classes).isSubset(of: score.classes) {
            throw MLClassifierError.classesNotInScore(score: score.key, classes: artifact.classes, scoreClasses: score.classes)
        }
        return MLClassifier(model: TextModel(artifact), version: stored.version)
    }
}
