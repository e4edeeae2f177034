/// Why a prompt tree could not finish for an item.
public enum LLMTreeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model's answer could not be read even after re-asking.
    case unreadableAnswer(node: String, answer: String, attempts: Int)
    /// No `next` edge matches the answer and there is no `default` edge.
    case noEdge(node: String, answer: String, edges: [String])

    /// What went wrong and how to fix the tree.
    public var description: String {
        switch self {
        case .unreadableAnswer(let node, let answer, let attempts):
            "Node '\(node)' could not read the model's answer after \(attempts) attempts (last: \"\(answer.prefix(120))\"); make the prompt say exactly how to answer, or raise max_reasks."
        case .noEdge(let node, let answer, let edges):
            "Node '\(node)' answered '\(answer)', but its `next` only has \(edges.sorted().joined(separator: ", ")); add that answer or a `default` edge."
        }
    }
}
