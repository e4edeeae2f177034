import Foundation

/// A trained model as stored: its version and its serialized bytes (the `ml` classifier decodes them).
public struct StoredModelArtifact: Sendable, Hashable {
    /// Increases by one each time the score's model is trained.
    public var version: Int
    /// The artifact, as written by the trainer.
    public var data: Data

    /// Creates a stored artifact.
    public init(version: Int, data: Data) {
        self.version = version
        self.data = data
    }
}

/// Finds trained model artifacts for scores.
public protocol ModelArtifactSource: Sendable {
    /// The artifact for `score` of `scorecard`: `version`, or the newest when `version` is `nil`.
    func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact?
}

/// A source with no models, for scorecards that use no `ml` classifier.
public struct NoModelArtifacts: ModelArtifactSource {
    /// Creates the empty source.
    public init() {}

    /// Always `nil`.
    public func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact? { nil }
}
