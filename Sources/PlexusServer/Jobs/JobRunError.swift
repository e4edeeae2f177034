import PlexusCore

/// Why a claimed job could not run; stored as the job's `error`.
enum JobRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scorecard version the job was created for is gone.
    case versionMissing(scorecard: String, version: Int)
    /// None of the evaluated scores has a labelled item.
    case noLabelledItems(scorecard: String, scores: [String])
    /// The stored parameters lack what the job's kind needs (written by an older or foreign writer).
    case incompleteParameters(kind: JobKind, missing: String)
    /// The model version an explanation job explains was deleted after the job was queued.
    case modelMissing(String)

    var description: String {
        switch self {
        case .versionMissing(let scorecard, let version):
            "Version \(version) of scorecard '\(scorecard)' no longer exists; create a new job for an existing version."
        case .noLabelledItems(let scorecard, let scores):
            "No item of scorecard '\(scorecard)' is labelled for \(scores.joined(separator: ", ")); upload labels with POST /api/v1/labels/batch first."
        case .incompleteParameters(let kind, let missing):
            "This \(kind.rawValue) job's parameters have no \(missing), so it cannot run; create the job again."
        case .modelMissing(let id):
            "Model version \(id) was deleted after this explanation was queued; upload the model again and send the request again."
        }
    }
}
