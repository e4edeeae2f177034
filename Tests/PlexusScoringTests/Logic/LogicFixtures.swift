import PlexusCore
@testable import PlexusScoring

/// Small builders for logic tests.
enum LogicFixtures {
    static let metadata: [String: JSONValue] = [
        "duration_seconds": 742, "channel": "phone", "customer": ["tier": "gold", "tags": ["vip", "new"]], "zero": 0,
    ]

    static let scores: [String: Classification] = [
        "resolved": Classification(value: "No", confidence: 0.55),
        "sentiment": Classification(value: "Negative", confidence: 0.9),
    ]

    /// The value of `source` for the fixture item.
    static func evaluate(_ source: String) throws -> JSONValue {
        try LogicExpression(parsing: source).evaluate(in: ExpressionEnvironment(metadata: metadata, scores: scores))
    }

    /// The error `source` gives when parsed or evaluated, if any.
    static func error(_ source: String) -> ExpressionError? {
        do {
            _ = try evaluate(source)
            return nil
        } catch {
            return error as? ExpressionError
        }
    }

    static func score(classes: [String] = ["Escalate", "Review", "OK"]) -> ScoreDefinition {
        ScoreDefinition(key: "triage", name: "Triage", classes: classes, positiveClass: nil, classifier: .null)
    }

    static func block(_ outcomes: [(String, String)], default value: String = "OK") -> JSONValue {
        ["type": "logic", "outcomes": .array(outcomes.map { ["class": .string($0.0), "when": .string($0.1)] }), "default": .string(value)]
    }

    static func classify(_ block: JSONValue, metadata: [String: JSONValue] = metadata) async throws -> Classification {
        let classifier = try await LogicClassifierKind().makeClassifier(block, for: score(), context: ClassifierContext())
        return try await classifier.classify(ClassifierInput(item: ScoringItem(id: "1", text: "", metadata: metadata), earlierResults: scores))
    }
}
