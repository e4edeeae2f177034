import PlexusCore
import SQLKit

/// The section and score rows of a scorecard draft, ready to insert.
struct ScorecardRows: Sendable {
    var sections: [[SQLValue]] = []
    var scores: [[SQLValue]] = []

    static let sectionInsert = BulkInsert(table: "sections", columns: [
        .init("id", .text), .init("scorecard_id", .text), .init("name", .text), .init("position", .bigint),
    ])
    static let scoreInsert = BulkInsert(table: "scores", columns: [
        .init("id", .text), .init("scorecard_id", .text), .init("section_id", .text), .init("key", .text), .init("name", .text),
        .init("classes", .text), .init("positive_class", .text), .init("classifier", .text), .init("position", .bigint),
    ])

    /// Adds one score row.
    mutating func addScore(_ draft: ScoreDraft, id: String, scorecardID: String, sectionID: String, position: Int) {
        scores.append([
            .text(id), .text(scorecardID), .text(sectionID), .text(draft.key), .text(draft.name ?? draft.key),
            .text(JSONText.encode(draft.resolvedClasses)), .text(draft.resolvedPositiveClass), .text(JSONText.encode(draft.classifier)),
            .integer(position),
        ])
    }
}

extension SQLStore {
    /// Rows for brand-new sections and scores; positions follow the draft's order.
    func makeSectionRows(_ sections: [ScorecardDraft.Section], scorecardID: Identifier<Scorecard>) -> ScorecardRows {
        var rows = ScorecardRows()
        var scorePosition = 0
        for (position, section) in sections.enumerated() {
            let sectionID = environment.newID()
            rows.sections.append([.text(sectionID), .text(scorecardID.rawValue), .text(section.name), .integer(position)])
            for score in section.scores {
                rows.addScore(score, id: environment.newID(), scorecardID: scorecardID.rawValue, sectionID: sectionID, position: scorePosition)
                scorePosition += 1
            }
        }
        return rows
    }

    static func insert(_ rows: ScorecardRows, on tx: any StoreTransaction) async throws {
        _ = try await tx.insert(ScorecardRows.sectionInsert, rows: rows.sections)
        _ = try await tx.insert(ScorecardRows.scoreInsert, rows: rows.scores)
    }
}
