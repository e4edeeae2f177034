import PlexusCore

/// The JSON Schema of an evaluation comparison.
extension APISchemas {
    private typealias S = Schema

    static let comparisons: [String: JSONValue] = [
        "EvaluationComparisonSide": S.object(["id": S.string, "scoreKey": S.string, "accuracy": S.unitInterval], required: ["id", "accuracy"]),
        "EvaluationComparison": S.object([
            "baseline": S.ref("EvaluationComparisonSide"), "candidate": S.ref("EvaluationComparisonSide"),
            "items": S.integer, "unmatched": S.integer, "difference": S.number,
            "interval": S.object(["lower": S.number, "upper": S.number, "confidence": S.unitInterval, "resamples": S.integer],
                                 required: ["lower", "upper", "confidence", "resamples"]),
            "mcNemar": S.object([
                "baselineOnlyCorrect": S.integer, "candidateOnlyCorrect": S.integer, "exactPValue": S.unitInterval,
                "chiSquare": S.nonNegative, "chiSquarePValue": S.unitInterval,
            ], required: ["baselineOnlyCorrect", "candidateOnlyCorrect", "exactPValue", "chiSquare", "chiSquarePValue"]),
            "significant": S.boolean,
        ], required: ["baseline", "candidate", "items", "unmatched", "difference", "interval", "mcNemar", "significant"]),
    ]
}
