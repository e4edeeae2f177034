import PlexusCore

/// Gives the class of the first outcome whose condition holds, or the default.
///
/// Rules are deterministic, so every result has confidence 1.
struct RulesClassifier: Classifier {
    let settings: RulesSettings

    func classify(_ input: ClassifierInput) async throws -> Classification {
        let evaluator = RuleEvaluator(transcript: Transcript(input.item.text))
        for (index, outcome) in settings.outcomes.enumerated() {
            var matches: [RuleMatch] = []
            guard evaluator.holds(outcome.when, scope: settings.scope, matches: &matches) else { continue }
            let evidence = matches.map(\.sentence).joined(separator: "; ")
            return Classification(
                value: outcome.value, confidence: 1,
                explanation: "\(outcome.value): outcomes[\(index)] held: \(evidence)",
                detail: .object(["outcome": .number(Double(index)), "matches": .array(matches.map(\.json))])
            )
        }
        return Classification(
            value: settings.defaultValue, confidence: 1,
            explanation: "\(settings.defaultValue): no outcome held (default).",
            detail: .object(["outcome": .null, "matches": .array([])])
        )
    }
}
