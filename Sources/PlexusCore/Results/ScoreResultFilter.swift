import Foundation

/// Which score results a listing returns; every field narrows the set.
public struct ScoreResultFilter: Sendable, Hashable {
    /// Only results of this scorecard.
    public var scorecardId: Identifier<Scorecard>?
    /// Only results of this score.
    public var scoreId: Identifier<Score>?
    /// Only results for this item.
    public var itemId: Identifier<Item>?
    /// Only results of this evaluation.
    public var evaluationId: Identifier<Evaluation>?
    /// Only results created at or after this time.
    public var since: Date?
    /// Only results created before this time.
    public var until: Date?
    /// Only results with this value.
    public var value: String?

    /// Creates a filter.
    public init(
        scorecardId: Identifier<Scorecard>? = nil, scoreId: Identifier<Score>? = nil, itemId: Identifier<Item>? = nil,
        evaluationId: Identifier<Evaluation>? = nil, since: Date? = nil, until: Date? = nil, value: String? = nil
    ) {
        self.scorecardId = scorecardId
        self.scoreId = scoreId
        self.itemId = itemId
        self.evaluationId = evaluationId
        self.since = since
        self.until = until
        self.value = value
    }
}
