import PlexusCore
import SQLKit

/// The section and score rows of a scorecard draft, ready to insert.
struct ScorecardRows: Sendable {
    var sections: [[any Encodable & Sendable]] = []
    var scores: [[any Encodable & Sendable]] = []

    static let sectionColumns = ["id", "scorecard_id", "name", "position"]
    static let scoreColumns = ["id", "scorecard_id", "section_id", "key", "name", "classes", "positive_class", "classifier", "position"]

    /// Adds one score row.
    mutating func addScore(_ draft: ScoreDraft, id: String, scorecardID: String, sectionID: String, position: Int) {
        scores.append([
            id, scorecardID, sectionID, draft.key, draft.name ?? draft.key, JSONText.encode(draft.resolvedClasses),
            draft.resolvedPositiveClass, JSONText.encode(draft.classifier), position,
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
            rows.sections.append([sectionID, scorecardID.rawValue, section.name, position])
            for score in section.scores {
                rows.addScore(score, id: environment.newID(), scorecardID: scorecardID.rawValue, sectionID: sectionID, position: scorePosition)
                scorePosition += 1
            }
        }
        return rows
    }

    static func insert(_ rows: ScorecardRows, on db: any SQLDatabase) async throws {
        if !rows.sections.isEmpty {
            _ = try await MultiRowInsert(table: "sections", columns: ScorecardRows.sectionColumns).run(rows.sections, on: db, chunkSize: 500)
        }
        if !rows.scores.isEmpty {
            _ = try await MultiRowInsert(table: "scores", columns: ScorecardRows.scoreColumns).run(rows.scores, on: db, chunkSize: 500)
        }
    }
}
