/// Why an `ml` classifier could not be built.
public enum MLClassifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No model has been trained for the score (or not the pinned version).
    case noTrainedModel(scorecard: String, score: String, version: Int?)
    /// The stored artifact cannot be used.
    case unusableArtifact(score: String, version: Int, problem: TextModelArtifactError)
    /// The model predicts classes the score does not have.
    case classesNotInScore(score: String, classes: [String], scoreClasses: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .noTrainedModel(let scorecard, let score, let version):
            let which = version.map { "version \($0) of the model" } ?? "a trained model"
            return "Score '\(score)' uses an ml classifier but \(which) was not found; run `plexus train --scorecard \(scorecard) --score \(score)`."
        case .unusableArtifact(let score, let version, let problem):
            return "Model version \(version) of score '\(score)' cannot be used: \(problem)"
        case .classesNotInScore(let score, let classes, let scoreClasses):
            return "The model of score '\(score)' predicts \(classes.joined(separator: ", ")) but the score's classes are "
                + "\(scoreClasses.joined(separator: ", ")); retrain it after changing the classes."
        }
    }
}
