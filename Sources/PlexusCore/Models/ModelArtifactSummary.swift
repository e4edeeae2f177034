import Foundation

/// A stored model artifact without its body, as listings return it.
public struct ModelArtifactSummary: Sendable, Codable, Hashable {
    /// The artifact's unique ID.
    public var id: Identifier<ModelArtifact>
    /// The key of the score's scorecard.
    public var scorecardKey: String
    /// The score's key.
    public var scoreKey: String
    /// The artifact's version within its score.
    public var version: Int
    /// The training algorithm.
    public var algorithm: String
    /// What the trainer measured.
    public var metrics: JSONValue?
    /// When the artifact was stored.
    public var createdAt: Date

    /// Creates a summary value.
    public init(
        id: Identifier<ModelArtifact>, scorecardKey: String, scoreKey: String, version: Int, algorithm: String,
        metrics: JSONValue?, createdAt: Date
    ) {
        self.id = id
        self.scorecardKey = scorecardKey
        self.scoreKey = scoreKey
        self.version = version
        self.algorithm = algorithm
        self.metrics = metrics
        self.createdAt = createdAt
    }
}
