import PlexusCore

/// The `input` of `updateScoreResult`: the result's ID and the fields to change.
struct UpdateScoreResultInput: Decodable, Sendable {
    let id: ID
    let value: String?
    let confidence: Double?
    let explanation: String?
    let metadata: String?
    let cost: Double?
    let latency: Double?

    /// The domain update, checked; the fields its errors name are relative to the input.
    func update() throws -> ScoreResultUpdate {
        let update = ScoreResultUpdate(
            value: value, confidence: confidence, explanation: explanation,
            metadata: try metadata.map { try JSONValue(awsJSON: $0, field: "metadata") }, cost: cost, latency: latency
        )
        try update.validate()
        return update
    }
}
