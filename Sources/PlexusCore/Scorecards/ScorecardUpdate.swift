/// The changes a caller may make to a scorecard; `nil` leaves a field as it is. Every update
/// increases the scorecard's version by one.
public struct ScorecardUpdate: Sendable, Codable, Hashable {
    /// A new name.
    public var name: String?
    /// A new description.
    public var description: String?
    /// Sections to merge in: matched to existing sections by name and to existing scores by key.
    public var sections: [ScorecardDraft.Section]?

    /// Creates an update.
    public init(name: String? = nil, description: String? = nil, sections: [ScorecardDraft.Section]? = nil) {
        self.name = name
        self.description = description
        self.sections = sections
    }

    /// Checks the name and the sections.
    public func validate() throws {
        if let name { try Validate.nonBlank(name, field: "name") }
        if let sections { try ScorecardDraft.validate(sections: sections) }
    }
}
