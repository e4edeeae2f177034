/// Why a claimed job could not run; stored as the job's `error`.
enum JobRunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scorecard version the job was created for is gone.
    case versionMissing(scorecard: String, version: Int)
    /// None of the evaluated scores has a labelled item.
    case noLabelledItems(scorecard: String, scores: [String])

    var description: String {
        switch self {
        case .versionMissing(let scorecard, let version):
            "Version \(version) of scorecard '\(scorecard)' no longer exists; create a new job for an existing version."
        case .noLabelledItems(let scorecard, let scores):
            "No item of scorecard '\(scorecard)' is labelled for \(scores.joined(separator: ", ")); upload labels with POST /api/v1/labels/batch first."
        }
    }
}
