/// The `classifier:` block of an `llm` score, as written in YAML.
struct LLMSettings: Sendable, Hashable, Decodable {
    var type: String
    /// Overrides the configured model for this score.
    var model: String?
    /// The node the tree starts at.
    var start: String
    var chunking: ChunkingSettings?
    var relevance: RelevanceSettings?
    var nodes: [String: NodeSettings]
}

/// One node of the prompt tree.
struct NodeSettings: Sendable, Hashable, Decodable {
    enum Kind: String, Sendable, Hashable, Decodable {
        case classifier, extractor, logical
    }

    var kind: Kind
    var system: String?
    var user: String?
    /// How a classifier node's answer is read; default `yes_no`.
    var parse: AnswerFormat?
    /// The answers a `class` (or `json` with classes) node accepts.
    var classes: [String]?
    /// For `parse: json`, the field holding the answer; default `answer`.
    var field: String?
    /// How many times an unreadable answer is asked again; default 2.
    var maxReasks: Int?
    /// Where each answer leads: another node, or `{class: X}` to finish.
    var next: [String: EdgeTarget]?
    /// For extractors: check the quote occurs in the text.
    var verify: VerifySettings?
    /// For logical nodes: the condition, giving the answer `true` or `false`.
    var when: LogicalTest?

    enum CodingKeys: String, CodingKey {
        case kind, system, user, parse, classes, field, next, verify, when
        case maxReasks = "max_reasks"
    }
}

/// The quote check of an extractor node.
struct VerifySettings: Sendable, Hashable, Decodable {
    /// The least fuzzy similarity (0–1) for the quote to count as found; default 0.85.
    var threshold: Double?
}

/// Where an edge leads: a node name, or a final class (`{class: "Yes"}`).
enum EdgeTarget: Sendable, Hashable, Decodable {
    case node(String)
    case finish(String)

    private enum CodingKeys: String, CodingKey { case `class` }

    init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self = .node(name)
        } else {
            self = .finish(try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .class))
        }
    }
}
