import PlexusCore
import PlexusScoring

/// Compares two stored evaluations item by item, reading each result's label from its `trueValue`.
public struct EvaluationComparer: Sendable {
    let client: PlexusClient

    /// Compares through `client`.
    public init(client: PlexusClient) {
        self.client = client
    }

    /// The comparison of `candidate` against `baseline`, with `resamples` bootstrap resamples.
    public func compare(baseline: Identifier<Evaluation>, candidate: Identifier<Evaluation>, resamples: Int = 10_000, seed: UInt64 = 1) async throws -> RunComparison {
        async let first = predictions(of: baseline)
        async let second = predictions(of: candidate)
        return try RunComparison(baseline: try await first, candidate: try await second, resamples: resamples, seed: seed)
    }

    /// The labelled, non-skipped predictions of one evaluation.
    public func predictions(of evaluation: Identifier<Evaluation>) async throws -> [ItemPrediction] {
        ItemPrediction.from(results: try await client.scoreResults.all(ScoreResultFilter(evaluationId: evaluation)))
    }
}
