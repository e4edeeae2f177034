/// Why stored bytes are not a usable ``TrainedTextModel``.
public enum TextModelArtifactError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not an artifact's JSON.
    case unreadable(reason: String)
    /// Written in a format this version cannot read.
    case unsupportedFormat(found: Int, supported: Int)
    /// The parts do not fit together (e.g. weights and vocabulary of different lengths).
    case inconsistent(reason: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .unreadable(let reason):
            "The model artifact is not valid JSON of a trained text model (\(reason)); retrain the score."
        case .unsupportedFormat(let found, let supported):
            "The model artifact has format version \(found) but this Plexus reads version \(supported); retrain the score."
        case .inconsistent(let reason):
            "The model artifact is inconsistent: \(reason); retrain the score."
        }
    }
}
