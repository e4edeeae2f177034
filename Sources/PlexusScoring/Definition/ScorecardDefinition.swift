/// A scorecard as written in YAML: its identity and its scores, grouped in sections.
///
/// Build one with ``ScorecardParser``; the parser guarantees every check in the YAML format
/// (keys, classes, dependencies, classifier settings) has passed.
public struct ScorecardDefinition: Sendable, Hashable {
    /// A key unique within the account, such as `call-qa`.
    public var key: String
    /// The display name.
    public var name: String
    /// What the scorecard is for; empty when the YAML has no `description`.
    public var description: String
    /// The sections in display order.
    public var sections: [SectionDefinition]

    /// Creates a scorecard definition.
    public init(key: String, name: String, description: String = "", sections: [SectionDefinition]) {
        self.key = key
        self.name = name
        self.description = description
        self.sections = sections
    }

    /// Every score of every section, in display order.
    public var allScores: [ScoreDefinition] { sections.flatMap(\.scores) }

    /// The score whose key is `key`, or `nil` when there is none.
    public func score(_ key: String) -> ScoreDefinition? {
        allScores.first { $0.key == key }
    }
}
