/// The body of `POST /api/v1/scorecards/{idOrKey}/scored-items`: which of these items already
/// have results, so an interrupted run can resume where it stopped.
public struct ScoredItemsQuery: Sendable, Codable, Hashable {
    /// The most item IDs one call may ask about.
    public static let maximumItems = 1000

    /// Only results recorded with this scorecard version count; any version when `nil`.
    public var version: Int?
    /// The score keys (or IDs) an item needs results for; every score of the scorecard when `nil`.
    public var scores: [String]?
    /// External item IDs to check.
    public var itemIds: [String]

    /// Creates a query.
    public init(version: Int? = nil, scores: [String]? = nil, itemIds: [String]) {
        self.version = version
        self.scores = scores
        self.itemIds = itemIds
    }

    /// Checks the version, the score list and the number of items.
    public func validate() throws {
        if let version, version < 1 {
            throw DomainError.invalid(field: "version", message: "version must be 1 or more; got \(version).")
        }
        if let scores, scores.isEmpty {
            throw DomainError.invalid(field: "scores", message: "scores is empty; leave it out to mean every score of the scorecard.")
        }
        guard itemIds.count <= Self.maximumItems else {
            throw DomainError.invalid(field: "itemIds", message: "Ask about at most \(Self.maximumItems) items per call; got \(itemIds.count). Split the list.")
        }
    }
}
