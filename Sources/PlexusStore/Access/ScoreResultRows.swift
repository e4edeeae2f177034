import PlexusCore

/// The rows of a score-result batch, built before the write transaction; only the resolved
/// scorecard, score and item IDs are filled in inside it.
struct ScoreResultRows: Sendable {
    /// The new results' IDs, in request order.
    let ids: [String]
    /// One row per draft, in ``SQLStore/scoreResultInsert``'s column order.
    private(set) var values: [[SQLValue]]

    private static let targetColumns = 2...4

    init(drafts: [ScoreResultDraft], accountID: Identifier<Account>, environment: StoreEnvironment) {
        let now = environment.nowMicros()
        let ids = environment.newIDs(drafts.count)
        self.ids = ids
        values = zip(ids, drafts).map { id, draft in
            [
                .text(id), .text(accountID.rawValue), .null, .null, .null,
                .text(draft.value), .real(draft.confidence), .text(draft.explanation), .text(JSONText.encode(draft.metadata)),
                .real(draft.cost), .real(draft.latency), .text(draft.evaluationId?.rawValue), .text(draft.scoringJobId),
                .text(draft.idempotencyKey), .integer(draft.createdAt.map(Timestamp.micros) ?? now), .integer(now),
                .integer(draft.scorecardVersion),
            ]
        }
    }

    /// Sets each row's scorecard, score and item IDs.
    mutating func fill(_ targets: [ScoreResultResolver.Target]) {
        for (index, target) in targets.enumerated() {
            values[index].replaceSubrange(Self.targetColumns, with: [.text(target.scorecardID), .text(target.scoreID), .text(target.itemID)])
        }
    }

    /// How many of the inserted rows belong to each score, with the score's scorecard.
    func createdPerScore(inserted: Set<String>) -> [ScoreCount] {
        var counts: [String: ScoreCount] = [:]
        for (id, row) in zip(ids, values) where inserted.contains(id) {
            guard case .text(let scorecardID) = row[2], case .text(let scoreID) = row[3] else { continue }
            counts[scoreID, default: ScoreCount(scorecardID: scorecardID, scoreID: scoreID, count: 0)].count += 1
        }
        return counts.values.sorted { $0.scoreID < $1.scoreID }
    }
}

/// New results of one score in one batch.
struct ScoreCount: Sendable {
    let scorecardID: String
    let scoreID: String
    var count: Int
}
