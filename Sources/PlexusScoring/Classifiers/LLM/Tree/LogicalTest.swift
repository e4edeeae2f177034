import PlexusCore

/// A logical node's `when`: either a simple condition (`{node: greeted, equals: "Yes"}`) or a
/// `logic` expression string, in which node answers read as `scores.<node>` alongside the
/// scores this one depends on (`"scores.greeted == 'Yes' and metadata.minutes > 5"`).
enum LogicalTest: Sendable, Hashable, Decodable {
    case condition(NodeCondition)
    case expression(String)

    init(from decoder: any Decoder) throws {
        if let source = try? decoder.singleValueContainer().decode(String.self) {
            self = .expression(source)
        } else {
            self = .condition(try NodeCondition(from: decoder))
        }
    }

    /// Whether the test holds at this point of the walk.
    func holds(_ variables: TemplateVariables) throws -> Bool {
        switch self {
        case .condition(let condition):
            return condition.holds(for: variables.subject(of: condition))
        case .expression(let source):
            var scores = variables.input.earlierResults
            for (node, answer) in variables.answers { scores[node] = Classification(value: answer) }
            let environment = ExpressionEnvironment(metadata: variables.input.item.metadata, scores: scores)
            return try LogicExpression(parsing: source).evaluate(in: environment) == .bool(true)
        }
    }

    /// Problems with the test, with paths relative to `when`.
    func problems(nodes: Set<String>, score: ScoreDefinition) -> [SettingsProblem] {
        switch self {
        case .condition(let condition):
            var problems = condition.problems(nodes: nodes)
            if let other = condition.score, !score.dependsOn.contains(where: { $0.score == other }) {
                problems.append(SettingsProblem(path: "score", message: "Score '\(score.key)' does not depend on '\(other)'; add it to depends_on."))
            }
            return problems
        case .expression(let source):
            let expression: LogicExpression
            do {
                expression = try LogicExpression(parsing: source)
            } catch {
                return [SettingsProblem(path: "", message: "\(error)")]
            }
            let readable = nodes.union(score.dependsOn.map(\.score))
            return expression.names.compactMap { name in
                let parts = name.split(separator: ".")
                guard parts.first == "scores", parts.count > 1, !readable.contains(String(parts[1])) else { return nil }
                return SettingsProblem(path: "", message: "'\(name)' is neither a node of this tree nor a score in depends_on.")
            }
        }
    }
}
