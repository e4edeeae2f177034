import PlexusCore
import SQLKit

/// Merges updated sections into a stored scorecard without changing the IDs of existing scores,
/// so results recorded against them stay attached.
struct ScorecardMerge: Sendable {
    let current: Scorecard
    let environment: StoreEnvironment

    func apply(_ sections: [ScorecardDraft.Section], on tx: any StoreTransaction) async throws {
        let db = tx.sql
        let scorecardID = current.id.rawValue
        let existingSections = Dictionary(current.sections.map { ($0.name, $0.id.rawValue) }, uniquingKeysWith: { first, _ in first })
        let existingScores = Set(current.allScores.map(\.key))
        var newRows = ScorecardRows()
        var scorePosition = 0
        for (position, section) in sections.enumerated() {
            let sectionID = existingSections[section.name] ?? environment.newID()
            if existingSections[section.name] == nil {
                newRows.sections.append([.text(sectionID), .text(scorecardID), .text(section.name), .integer(position)])
            } else {
                try await db.raw("UPDATE sections SET position = \(bind: position) WHERE id = \(bind: sectionID)").run()
            }
            for score in section.scores {
                if existingScores.contains(score.key) {
                    try await update(score, sectionID: sectionID, position: scorePosition, on: db)
                } else {
                    newRows.addScore(score, id: environment.newID(), scorecardID: scorecardID, sectionID: sectionID, position: scorePosition)
                }
                scorePosition += 1
            }
        }
        try await SQLStore.insert(newRows, on: tx)
    }

    private func update(_ score: ScoreDraft, sectionID: String, position: Int, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE scores SET section_id = \(bind: sectionID), name = \(bind: score.name ?? score.key),
                classes = \(bind: JSONText.encode(score.resolvedClasses)), positive_class = \(bind: score.resolvedPositiveClass),
                classifier = \(bind: JSONText.encode(score.classifier)), position = \(bind: position)
            WHERE scorecard_id = \(bind: current.id.rawValue) AND key = \(bind: score.key)
            """).run()
    }
}
