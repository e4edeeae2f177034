/// A named group of scores within a scorecard, e.g. "Compliance" or "Empathy".
public struct ScorecardSection: Sendable, Codable, Hashable {
    /// The section's unique ID.
    public var id: Identifier<ScorecardSection>
    /// The section's name, unique within its scorecard.
    public var name: String
    /// The scores in display order.
    public var scores: [Score]

    /// Creates a section value.
    public init(id: Identifier<ScorecardSection>, name: String, scores: [Score]) {
        self.id = id
        self.name = name
        self.scores = scores
    }
}
