import PlexusCore

/// A logical node's test on what is already known: `{node: greeted, equals: "Yes"}`,
/// `{score: intent, in: [Billing, Refund]}`, `{metadata: channel, equals: phone}`; `contains` tests a substring.
struct NodeCondition: Sendable, Hashable, Decodable {
    var node: String?
    var score: String?
    var metadata: String?
    var equals: String?
    var `in`: [String]?
    var contains: String?

    /// Whether the condition holds for `value` (`nil` when the subject is unknown: then it does not).
    func holds(for value: String?) -> Bool {
        guard let value else { return false }
        if let equals, value.caseInsensitiveCompare(equals) != .orderedSame { return false }
        if let options = self.in, !options.contains(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) { return false }
        if let contains, value.range(of: contains, options: .caseInsensitive) == nil { return false }
        return true
    }

    /// Problems with the condition, with paths relative to it.
    func problems(nodes: Set<String>) -> [SettingsProblem] {
        var problems: [SettingsProblem] = []
        let subjects = [node, score, metadata].compactMap { $0 }
        if subjects.count != 1 {
            problems.append(SettingsProblem(path: "", message: "Name exactly one of `node`, `score` or `metadata` to test; got \(subjects.count)."))
        }
        if let node, !nodes.contains(node) {
            problems.append(SettingsProblem(path: "node", message: "No node named '\(node)'; known nodes: \(nodes.sorted().joined(separator: ", "))."))
        }
        if equals == nil, self.in == nil, contains == nil {
            problems.append(SettingsProblem(path: "", message: "Add a test: `equals`, `in` or `contains`."))
        }
        return problems
    }
}
