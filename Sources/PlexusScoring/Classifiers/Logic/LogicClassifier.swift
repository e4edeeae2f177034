import PlexusCore

/// Gives the class of the first outcome whose expression is true, or the default.
///
/// Logic is deterministic, so every result has confidence 1. An expression that is neither true,
/// false nor null (null counts as false), or that fails with a type error or a division by zero,
/// fails the classification with an ``ExpressionError`` naming the outcome.
struct LogicClassifier: Classifier {
    let settings: LogicSettings

    func classify(_ input: ClassifierInput) async throws -> Classification {
        let environment = ExpressionEnvironment(metadata: input.item.metadata, scores: input.earlierResults)
        for (index, outcome) in settings.outcomes.enumerated() {
            guard try holds(outcome.when, index: index, in: environment) else { continue }
            let values = outcome.when.names.map { "\($0) = \(render(environment.value(of: $0)))" }
            let reasons = values.isEmpty ? "" : " (\(values.joined(separator: ", ")))"
            var detail: [String: JSONValue] = ["outcome": .number(Double(index))]
            detail["values"] = .object(Dictionary(uniqueKeysWithValues: outcome.when.names.map { ($0, environment.value(of: $0)) }))
            return Classification(
                value: outcome.value, confidence: 1,
                explanation: "\(outcome.value): outcomes[\(index)] held: \(outcome.when.source)\(reasons)",
                detail: .object(detail)
            )
        }
        return Classification(
            value: settings.defaultValue, confidence: 1,
            explanation: "\(settings.defaultValue): no outcome held (default).", detail: .object(["outcome": .null])
        )
    }

    private func holds(_ expression: LogicExpression, index: Int, in environment: ExpressionEnvironment) throws(ExpressionError) -> Bool {
        do throws(ExpressionError) {
            switch try expression.evaluate(in: environment) {
            case .bool(let flag): return flag
            case .null: return false
            case let other:
                throw ExpressionError(.type, "outcomes[\(index)].when must be true or false, got \(BlockFields.describe(other))", column: 1)
            }
        } catch {
            var located = error
            if !located.message.hasPrefix("outcomes[") { located.message = "outcomes[\(index)].when: \(located.message)" }
            throw located
        }
    }

    private func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .number(let number): number.plainText
        case .bool(let flag): String(flag)
        case .null: "null"
        case .array(let items): "[\(items.map(render).joined(separator: ", "))]"
        case .object: "{…}"
        }
    }
}
