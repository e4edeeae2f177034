import Foundation
import PlexusCore
import PlexusScoring

/// Trained models read from the server, for `ml` classifiers run by the CLI.
public struct RemoteModelArtifacts: ModelArtifactSource {
    let client: PlexusClient

    /// Reads models through `client`.
    public init(client: PlexusClient) {
        self.client = client
    }

    /// The stored artifact, or `nil` when the score has no trained model (yet).
    public func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact? {
        do {
            let model = try await client.models.artifact(scorecard: scorecard, score: score, version: version)
            return StoredModelArtifact(version: model.version, data: Data(model.artifact.utf8))
        } catch PlexusClientError.notFound {
            return nil
        }
    }
}
