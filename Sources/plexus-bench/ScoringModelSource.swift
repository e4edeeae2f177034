import PlexusScoring

/// Hands the `ml` classifier the model the benchmark trained, as the store would.
struct ScoringModelSource: ModelArtifactSource {
    let artifact: StoredModelArtifact

    func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact? { artifact }
}
