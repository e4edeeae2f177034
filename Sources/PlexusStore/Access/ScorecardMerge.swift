import PlexusCore
import SQLKit

/// Makes a stored scorecard's sections and scores those of a new version, without changing the IDs
/// of scores that stay, so results recorded against them stay attached.
///
/// Sections are matched by name and scores by key, and a score may move to another section. With
/// ``retiresOmitted`` (a pushed version, which is the whole scorecard) a section or score the new
/// version leaves out is *retired*: hidden from the scorecard but kept, with its results and
/// labels, and brought back (same ID) if a later version names it again. Without it (a `PATCH`,
/// which names only what changes) what is left out stays as it is.
struct ScorecardMerge: Sendable {
    let current: Scorecard
    let environment: StoreEnvironment
    let retiresOmitted: Bool

    func apply(_ sections: [ScorecardDraft.Section], on tx: any StoreTransaction) async throws {
        let db = tx.sql
        let scorecardID = current.id.rawValue
        let now = environment.nowMicros()
        // Retired rows count too: naming a retired section or score again revives it.
        var sectionIDs: [String: String] = [:]
        for row in try await db.raw("SELECT id, name FROM sections WHERE scorecard_id = \(bind: scorecardID) ORDER BY position").all() {
            let name = try row.string("name")
            if sectionIDs[name] == nil { sectionIDs[name] = try row.string("id") }
        }
        let storedKeys = Set(try await db.raw("SELECT key FROM scores WHERE scorecard_id = \(bind: scorecardID)").all().map { try $0.string("key") })

        // New sections go in first, so scores moving into them have a row to point at.
        var newRows = ScorecardRows()
        for (position, section) in sections.enumerated() {
            if let id = sectionIDs[section.name] {
                try await db.raw("UPDATE sections SET position = \(bind: position), retired_at = NULL WHERE id = \(bind: id)").run()
            } else {
                let id = environment.newID()
                sectionIDs[section.name] = id
                newRows.sections.append([.text(id), .text(scorecardID), .text(section.name), .integer(position)])
            }
        }
        try await SQLStore.insert(newRows, on: tx)

        newRows = ScorecardRows()
        var scorePosition = 0
        for section in sections {
            let sectionID = sectionIDs[section.name]!
            for score in section.scores {
                if storedKeys.contains(score.key) {
                    try await update(score, sectionID: sectionID, position: scorePosition, on: db)
                } else {
                    newRows.addScore(score, id: environment.newID(), scorecardID: scorecardID, sectionID: sectionID, position: scorePosition)
                }
                scorePosition += 1
            }
        }
        try await SQLStore.insert(newRows, on: tx)
        guard retiresOmitted else { return }

        let keptSections = Set(sections.map(\.name))
        for (name, id) in sectionIDs where !keptSections.contains(name) {
            try await db.raw("UPDATE sections SET retired_at = \(bind: now) WHERE id = \(bind: id) AND retired_at IS NULL").run()
        }
        let keptScores = Set(sections.flatMap { $0.scores.map(\.key) })
        for key in storedKeys.subtracting(keptScores) {
            try await db.raw("""
                UPDATE scores SET retired_at = \(bind: now) WHERE scorecard_id = \(bind: scorecardID) AND key = \(bind: key) AND retired_at IS NULL
                """).run()
        }
    }

    private func update(_ score: ScoreDraft, sectionID: String, position: Int, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE scores SET section_id = \(bind: sectionID), name = \(bind: score.name ?? score.key),
                classes = \(bind: JSONText.encode(score.resolvedClasses)), positive_class = \(bind: score.resolvedPositiveClass),
                classifier = \(bind: JSONText.encode(score.classifier)), position = \(bind: position), retired_at = NULL
            WHERE scorecard_id = \(bind: current.id.rawValue) AND key = \(bind: score.key)
            """).run()
    }
}
