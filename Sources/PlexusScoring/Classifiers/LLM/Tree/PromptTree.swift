/// A validated prompt tree: nodes by name, with their templates parsed.
struct PromptTree: Sendable {
    /// A node ready to run.
    struct Node: Sendable {
        var name: String
        var settings: NodeSettings
        var system: PromptTemplate?
        var user: PromptTemplate?

        var format: AnswerFormat { settings.parse ?? .yesNo }
        var classes: [String] { settings.classes ?? [] }
    }

    let start: String
    let nodes: [String: Node]
    let model: String?

    /// Builds the tree from settings that validated cleanly.
    init(_ settings: LLMSettings) throws(SettingsProblem) {
        var nodes: [String: Node] = [:]
        for (name, node) in settings.nodes {
            nodes[name] = Node(
                name: name, settings: node, system: try Self.template(node.system, path: "nodes.\(name).system"),
                user: try Self.template(node.user, path: "nodes.\(name).user")
            )
        }
        start = settings.start
        self.nodes = nodes
        model = settings.model
    }

    private static func template(_ source: String?, path: String) throws(SettingsProblem) -> PromptTemplate? {
        guard let source else { return nil }
        do {
            return try PromptTemplate(source)
        } catch {
            throw SettingsProblem(path: path, message: error.message)
        }
    }
}
