import Foundation
import PlexusCore

/// The arguments of `listScoreResults`: filters, each narrowing the set, and paging.
struct ListScoreResultsArguments: Decodable, Sendable {
    let scorecardId: ID?
    let scoreId: ID?
    let itemId: ID?
    let evaluationId: ID?
    /// ISO 8601; only results created at or after it.
    let since: String?
    /// ISO 8601; only results created before it.
    let until: String?
    let limit: Int?
    let nextToken: String?

    /// The store filter, failing on a `since` or `until` that is not a date.
    func filter() throws -> ScoreResultFilter {
        ScoreResultFilter(
            scorecardId: scorecardId.map(Identifier.init), scoreId: scoreId.map(Identifier.init),
            itemId: itemId.map(Identifier.init), evaluationId: evaluationId.map(Identifier.init),
            since: try since.map { try Date(iso8601: $0, field: "since") },
            until: try until.map { try Date(iso8601: $0, field: "until") }
        )
    }
}
