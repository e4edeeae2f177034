/// A named group of scores within a ``ScorecardDefinition``, such as "Opening" or "Compliance".
public struct SectionDefinition: Sendable, Hashable {
    /// The section's name.
    public var name: String
    /// The scores in display order.
    public var scores: [ScoreDefinition]

    /// Creates a section definition.
    public init(name: String, scores: [ScoreDefinition]) {
        self.name = name
        self.scores = scores
    }
}
