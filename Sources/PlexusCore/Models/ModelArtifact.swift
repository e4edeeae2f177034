import Foundation

/// A trained model of one score: an opaque JSON artifact written by a trainer, numbered 1, 2, …
/// per score, with the metrics the trainer measured. Artifacts are never changed or deleted.
public struct ModelArtifact: Sendable, Codable, Hashable {
    /// The artifact's unique ID.
    public var id: Identifier<ModelArtifact>
    /// The key of the score's scorecard.
    public var scorecardKey: String
    /// The score's key.
    public var scoreKey: String
    /// Increases by one each time the score's model is stored.
    public var version: Int
    /// The training algorithm, e.g. `logistic-regression`.
    public var algorithm: String
    /// The model itself, as JSON text; Plexus stores it without reading it.
    public var artifact: String
    /// What the trainer measured, such as accuracy on held-out items.
    public var metrics: JSONValue?
    /// When the artifact was stored.
    public var createdAt: Date

    /// Creates a model artifact value.
    public init(
        id: Identifier<ModelArtifact>, scorecardKey: String, scoreKey: String, version: Int, algorithm: String,
        artifact: String, metrics: JSONValue?, createdAt: Date
    ) {
        self.id = id
        self.scorecardKey = scorecardKey
        self.scoreKey = scoreKey
        self.version = version
        self.algorithm = algorithm
        self.artifact = artifact
        self.metrics = metrics
        self.createdAt = createdAt
    }

    /// The artifact without its (possibly large) body.
    public var summary: ModelArtifactSummary {
        ModelArtifactSummary(
            id: id, scorecardKey: scorecardKey, scoreKey: scoreKey, version: version, algorithm: algorithm,
            metrics: metrics, createdAt: createdAt)
    }
}
