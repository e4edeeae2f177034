/// Finds every problem in an `llm` classifier block, each with its path (`nodes.greeted.user`).
enum TreeValidator {
    static func problems(in settings: LLMSettings, for score: ScoreDefinition) -> [SettingsProblem] {
        let names = Set(settings.nodes.keys)
        var problems: [SettingsProblem] = []
        if !names.contains(settings.start) {
            problems.append(SettingsProblem(path: "start", message: "No node named '\(settings.start)'; known nodes: \(known(names))."))
        }
        for name in settings.nodes.keys.sorted() {
            problems += nodeProblems(settings.nodes[name]!, path: "nodes.\(name)", names: names, score: score)
        }
        if let cycle = firstCycle(settings.nodes) {
            problems.append(SettingsProblem(path: "nodes.\(cycle[0]).next", message: "The tree has a cycle: \(cycle.joined(separator: " -> ")); every path must end in a class."))
        }
        problems += ChunkingSettings.problems(settings.chunking)
        problems += RelevanceSettings.problems(settings.relevance, score: score)
        return problems
    }

    private static func nodeProblems(_ node: NodeSettings, path: String, names: Set<String>, score: ScoreDefinition) -> [SettingsProblem] {
        var problems: [SettingsProblem] = []
        for (field, source) in [("system", node.system), ("user", node.user)] {
            guard let source else { continue }
            do {
                let template = try PromptTemplate(source)
                for referenced in template.referencedNodes where !names.contains(referenced) {
                    problems.append(SettingsProblem(path: "\(path).\(field)", message: "The template reads node '\(referenced)', which does not exist; known nodes: \(known(names))."))
                }
                for referenced in template.referencedScores where !score.dependsOn.contains(where: { $0.score == referenced }) {
                    problems.append(SettingsProblem(path: "\(path).\(field)", message: "The template reads score '\(referenced)', which score '\(score.key)' does not depend on; add it to depends_on."))
                }
            } catch {
                problems.append(SettingsProblem(path: "\(path).\(field)", message: error.message))
            }
        }
        switch node.kind {
        case .classifier, .extractor:
            if node.user == nil { problems.append(SettingsProblem(path: "\(path).user", message: "A \(node.kind.rawValue) node needs a `user` prompt.")) }
            if node.kind == .classifier, node.parse == .class, (node.classes ?? []).isEmpty {
                problems.append(SettingsProblem(path: "\(path).classes", message: "`parse: class` needs the list of `classes` the answer may take."))
            }
            if let threshold = node.verify?.threshold, !(0...1).contains(threshold) {
                problems.append(SettingsProblem(path: "\(path).verify.threshold", message: "The threshold is a similarity in [0, 1]; got \(threshold)."))
            }
        case .logical:
            if let when = node.when {
                problems += when.problems(nodes: names, score: score).map { SettingsProblem(path: join("\(path).when", $0.path), message: $0.message) }
            } else {
                problems.append(SettingsProblem(path: "\(path).when", message: "A logical node needs a `when` condition, e.g. {node: greeted, equals: \"Yes\"}."))
            }
        }
        if node.next == nil, node.kind == .classifier {
            let answers = (node.parse ?? .yesNo).candidates(classes: node.classes ?? [])
            let missing = answers.filter { !score.classes.contains($0) }
            if answers.isEmpty || !missing.isEmpty {
                problems.append(SettingsProblem(path: "\(path).next", message: "Without `next`, the answer is the score's class, but \(answers.isEmpty ? "this node's answers are open" : "'\(missing.joined(separator: "', '"))' is not one of \(score.classes.joined(separator: ", "))"); add `next` edges."))
            }
        }
        if node.next == nil, node.kind != .classifier {
            problems.append(SettingsProblem(path: "\(path).next", message: "A \(node.kind.rawValue) node needs `next` edges (e.g. \(node.kind == .logical ? "true/false" : "verified/unverified"))."))
        }
        for (answer, target) in (node.next ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch target {
            case .node(let name) where !names.contains(name):
                problems.append(SettingsProblem(path: "\(path).next.\(answer)", message: "No node named '\(name)'; known nodes: \(known(names))."))
            case .finish(let value) where !score.classes.contains(value):
                problems.append(SettingsProblem(path: "\(path).next.\(answer).class", message: "'\(value)' is not a class of score '\(score.key)' (\(score.classes.joined(separator: ", ")))."))
            default: break
            }
        }
        return problems
    }

    /// The first cycle found by depth-first search from each node in name order, as the nodes on it.
    static func firstCycle(_ nodes: [String: NodeSettings]) -> [String]? {
        var finished: Set<String> = []
        func visit(_ name: String, _ stack: [String]) -> [String]? {
            if let index = stack.firstIndex(of: name) { return Array(stack[index...]) + [name] }
            guard !finished.contains(name), let node = nodes[name] else { return nil }
            for case .node(let next) in (node.next ?? [:]).sorted(by: { $0.key < $1.key }).map(\.value) {
                if let cycle = visit(next, stack + [name]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in nodes.keys.sorted() {
            if let cycle = visit(name, []) { return cycle }
        }
        return nil
    }

    private static func known(_ names: Set<String>) -> String { names.sorted().joined(separator: ", ") }

    private static func join(_ base: String, _ sub: String) -> String { sub.isEmpty ? base : "\(base).\(sub)" }
}
