import Foundation
import PlexusCore

/// The values a prompt template can read at one point of a walk.
struct TemplateVariables: Sendable {
    var text: String
    var input: ClassifierInput
    /// Answers of the nodes visited so far.
    var answers: [String: String]

    /// The value at a template path (`["metadata", "agent", "name"]`), or `nil` when there is none.
    func value(at path: [String]) -> String? {
        switch path.first {
        case "text": return text
        case "metadata":
            var value: JSONValue? = .object(input.item.metadata)
            for key in path.dropFirst() { value = value?[key] }
            return value.map(Self.describe)
        case "nodes": return answers[path[1]]
        case "scores":
            let result = input.earlierResults[path[1]]
            return path.count == 3 && path[2] == "explanation" ? result?.explanation : result?.value
        default: return nil
        }
    }

    /// The value a logical node's condition tests.
    func subject(of condition: NodeCondition) -> String? {
        if let node = condition.node { return answers[node] }
        if let score = condition.score { return input.earlierResults[score]?.value }
        if let key = condition.metadata { return input.item.metadata[key].map(Self.describe) }
        return nil
    }

    /// A JSON value as prompt text: strings bare, whole numbers without a fraction, the rest as JSON.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return string
        case .number(let number): return number.plainText
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
