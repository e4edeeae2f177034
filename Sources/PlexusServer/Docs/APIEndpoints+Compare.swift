/// Comparing two evaluations.
extension APIEndpoints {
    static let comparisons: [Endpoint] = [
        Endpoint(
            method: .get, path: "/api/v1/evaluations/{id}/compare/{candidateId}",
            summary: "Compare the candidate evaluation with the baseline {id} on the items both judged (labels from each result's metadata trueValue, SKIPPED left out): accuracies, the difference with a paired-bootstrap interval, and McNemar's test. 422 when they share no item.",
            tag: "Evaluations", scope: .read,
            query: [
                .init(name: "resamples", description: "Bootstrap resamples, 100–100000 (default 10000).", schema: ["type": "integer", "minimum": 100, "maximum": 100_000]),
                .init(name: "seed", description: "Bootstrap seed (default 1); the same seed gives the same interval.", schema: ["type": "integer", "minimum": 0]),
            ],
            response: "EvaluationComparison"),
    ]
}
