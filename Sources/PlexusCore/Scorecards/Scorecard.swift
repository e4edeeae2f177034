import Foundation

/// A set of scores, grouped in sections, that together assess one kind of item.
public struct Scorecard: Sendable, Codable, Hashable {
    /// The scorecard's unique ID.
    public var id: Identifier<Scorecard>
    /// The account that owns it.
    public var accountId: Identifier<Account>
    /// A key unique within the account, such as `call-qa`.
    public var key: String
    /// The display name.
    public var name: String
    /// What the scorecard is for.
    public var description: String
    /// Starts at 1 and increases by one on every update.
    public var version: Int
    /// The sections in display order.
    public var sections: [ScorecardSection]
    /// When the scorecard was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a scorecard value.
    public init(
        id: Identifier<Scorecard>, accountId: Identifier<Account>, key: String, name: String,
        description: String, version: Int, sections: [ScorecardSection], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.accountId = accountId
        self.key = key
        self.name = name
        self.description = description
        self.version = version
        self.sections = sections
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Every score of every section, in display order.
    public var allScores: [Score] { sections.flatMap(\.scores) }

    /// The score whose ID or key is `idOrKey`.
    public func score(_ idOrKey: String) -> Score? {
        allScores.first { $0.id.rawValue == idOrKey || $0.key == idOrKey }
    }
}
