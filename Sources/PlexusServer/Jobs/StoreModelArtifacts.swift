import Foundation
import PlexusCore
import PlexusScoring
import PlexusStore

/// Trained models read from the store, for `ml` classifiers run by jobs of one account.
struct StoreModelArtifacts: ModelArtifactSource {
    let store: SQLStore
    let accountID: Identifier<Account>

    /// The stored artifact, or `nil` when the score has no trained model (yet).
    func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact? {
        guard let model = try await store.modelArtifact(scorecard: scorecard, score: score, version: version, accountID: accountID) else { return nil }
        return StoredModelArtifact(version: model.version, data: Data(model.artifact.utf8))
    }
}
