import Foundation

/// One immutable version of a scorecard's YAML source, numbered 1, 2, … per scorecard.
///
/// Each push of a source creates one; versions are never changed or deleted, so a result that
/// records its `scorecardVersion` can always be traced back to the exact definition that made it.
public struct ScorecardVersion: Sendable, Codable, Hashable {
    /// The version's unique ID.
    public var id: Identifier<ScorecardVersion>
    /// The scorecard it belongs to.
    public var scorecardId: Identifier<Scorecard>
    /// The scorecard's key.
    public var scorecardKey: String
    /// The version number: the scorecard's `version` right after this source was pushed.
    public var version: Int
    /// The YAML source, verbatim.
    public var source: String
    /// When the version was pushed.
    public var createdAt: Date

    /// Creates a scorecard version value.
    public init(
        id: Identifier<ScorecardVersion>, scorecardId: Identifier<Scorecard>, scorecardKey: String, version: Int,
        source: String, createdAt: Date
    ) {
        self.id = id
        self.scorecardId = scorecardId
        self.scorecardKey = scorecardKey
        self.version = version
        self.source = source
        self.createdAt = createdAt
    }
}
