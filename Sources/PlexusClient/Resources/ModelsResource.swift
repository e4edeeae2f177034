import PlexusCore

/// Trained model artifacts of scores: store a new version, read one, list them.
public struct ModelsResource: Sendable {
    let core: ClientCore

    /// Stores `artifact` (JSON text, kept verbatim) as the next model version of score `score` of
    /// scorecard `scorecard` (keys or IDs), with the trainer's `metrics`.
    public func store(
        scorecard: String, score: String, algorithm: String, artifact: String, metrics: JSONValue? = nil
    ) async throws -> ModelArtifact {
        let input = ModelArtifactInput(algorithm: algorithm, artifact: artifact, metrics: metrics)
        try LocalValidation.check { try input.validate() }
        // Each call makes a new version, so a resend after a lost answer would make two.
        return try await core.transport.send(try .post("scorecards", scorecard, "scores", score, "models", body: input, retryable: false))
    }

    /// Model version `version` of the score, or its newest when `version` is `nil`.
    public func artifact(scorecard: String, score: String, version: Int? = nil) async throws -> ModelArtifact {
        let number = version.map(String.init) ?? "latest"
        return try await core.transport.send(.get(
            "scorecards", scorecard, "scores", score, "models", number, subject: ("model", "\(scorecard)/\(score) v\(number)")))
    }

    /// One page of the score's models without their artifacts, newest first.
    public func list(scorecard: String, score: String, limit: Int? = nil, cursor: String? = nil) async throws -> Page<ModelArtifactSummary> {
        try await core.transport.send(.get(
            "scorecards", scorecard, "scores", score, "models", query: ScorecardsResource.paging(limit: limit, cursor: cursor),
            subject: ("score", "\(scorecard)/\(score)")))
    }
}
