import PlexusCore
@testable import PlexusScoring

/// Small builders for rules tests.
enum RulesFixtures {
    static let transcript = """
        Agent: Good morning, thank you for calling Acme. My name is Dana.
        Customer: Hi, I can't verify my account online.
        Agent: Let me verify that for you.
        """

    static func score(classes: [String] = ["Yes", "No"], classifier: JSONValue = .null) -> ScoreDefinition {
        ScoreDefinition(key: "greeting", name: "Greeting", classes: classes, positiveClass: "Yes", classifier: classifier)
    }

    /// A rules block with one `Yes` outcome holding `when`, default `No`.
    static func block(when: JSONValue, scope: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": "rules",
            "outcomes": [["class": "Yes", "when": when]],
            "default": "No",
        ]
        if let scope { object["scope"] = .string(scope) }
        return .object(object)
    }

    static func classify(_ block: JSONValue, text: String = transcript) async throws -> Classification {
        let classifier = try await RulesClassifierKind().makeClassifier(block, for: score(), context: ClassifierContext())
        return try await classifier.classify(ClassifierInput(item: ScoringItem(id: "1", text: text)))
    }

    static func problems(_ block: JSONValue, classes: [String] = ["Yes", "No"]) -> [String] {
        RulesClassifierKind().validate(block, for: score(classes: classes)).map(\.path)
    }
}
