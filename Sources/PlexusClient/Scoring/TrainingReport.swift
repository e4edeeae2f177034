import PlexusCore
import PlexusScoring

/// What `plexus train` produced: the model, its held-out evaluation, and where it was stored.
public struct TrainingReport: Sendable {
    /// The trained model (its `evaluation` holds the held-out metrics).
    public var model: TrainedTextModel
    /// The stored artifact's record (its version).
    public var stored: ModelArtifact
    /// The model's serialized bytes, as stored.
    public var artifact: String
}
