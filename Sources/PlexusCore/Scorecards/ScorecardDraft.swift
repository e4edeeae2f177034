/// What a caller sends to create a scorecard, or to replace its content on update.
public struct ScorecardDraft: Sendable, Codable, Hashable {
    /// A section to create, with its scores.
    public struct Section: Sendable, Codable, Hashable {
        /// The section's name.
        public var name: String
        /// The scores in display order.
        public var scores: [ScoreDraft]

        /// Creates a section draft.
        public init(name: String, scores: [ScoreDraft]) {
            self.name = name
            self.scores = scores
        }
    }

    /// A key unique within the account.
    public var key: String
    /// The display name.
    public var name: String
    /// What the scorecard is for; empty when omitted.
    public var description: String?
    /// The sections in display order.
    public var sections: [Section]

    /// Creates a scorecard draft.
    public init(key: String, name: String, description: String? = nil, sections: [Section]) {
        self.key = key
        self.name = name
        self.description = description
        self.sections = sections
    }

    /// Checks every field and every score, naming the path of the first problem.
    public func validate() throws {
        try Validate.key(key, field: "key")
        try Validate.nonBlank(name, field: "name")
        try Self.validate(sections: sections)
    }

    /// Checks sections and scores: at least one score, names present, section names and score keys
    /// unique across the scorecard (sections are matched by name and scores by key across versions).
    public static func validate(sections: [Section]) throws {
        guard sections.contains(where: { !$0.scores.isEmpty }) else {
            throw DomainError.invalid(field: "sections", message: sections.isEmpty
                ? "A scorecard needs at least one section with at least one score; sections is empty."
                : "A scorecard needs at least one score; every section here is empty.")
        }
        var seenKeys = Set<String>()
        var seenSections = Set<String>()
        for (sectionIndex, section) in sections.enumerated() {
            let path = "sections[\(sectionIndex)]"
            try Validate.nonBlank(section.name, field: "\(path).name")
            guard seenSections.insert(section.name).inserted else {
                throw DomainError.invalid(field: "\(path).name", message: "Section name '\(section.name)' is used twice; section names must be unique within a scorecard.")
            }
            for (scoreIndex, score) in section.scores.enumerated() {
                let scorePath = "\(path).scores[\(scoreIndex)]"
                try score.validate(field: scorePath)
                guard seenKeys.insert(score.key).inserted else {
                    throw DomainError.invalid(field: "\(scorePath).key", message: "Score key '\(score.key)' is used twice; keys must be unique within a scorecard.")
                }
            }
        }
    }
}
