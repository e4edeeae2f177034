import Foundation
import PlexusCore
import SQLKit

/// Trained model artifacts: numbered per score, stored verbatim, never changed.
extension SQLStore {
    /// Stores a new artifact for score `score` of scorecard `scorecard` (each by ID or key) as the
    /// score's next version (the previous newest + 1), in one transaction.
    public func storeModelArtifact(
        scorecard: String, score: String, algorithm: String, artifact: String, metrics: JSONValue?, accountID: Identifier<Account>
    ) async throws -> ModelArtifact {
        try ModelArtifactInput(algorithm: algorithm, artifact: artifact, metrics: metrics).validate()
        let id: Identifier<ModelArtifact> = newID()
        let now = environment.nowMicros()
        return try await backend.write { tx in
            let db = tx.sql
            let (owner, target) = try await Self.requireScore(score, of: scorecard, accountID: accountID, on: db)
            let newest = try await db.raw("SELECT MAX(version) AS version FROM model_artifacts WHERE score_id = \(bind: target.id.rawValue)")
                .first()?.optionalInt("version") ?? 0
            try await db.raw("""
                INSERT INTO model_artifacts (id, account_id, scorecard_id, score_id, version, algorithm, artifact, metrics, created_at)
                VALUES (\(bind: id.rawValue), \(bind: accountID.rawValue), \(bind: owner.id.rawValue), \(bind: target.id.rawValue),
                        \(bind: newest + 1), \(bind: algorithm), \(bind: artifact), \(bind: JSONText.encode(metrics)), \(bind: now))
                """).run()
            return ModelArtifact(
                id: id, scorecardKey: owner.key, scoreKey: target.key, version: newest + 1, algorithm: algorithm,
                artifact: artifact, metrics: metrics, createdAt: Timestamp.date(now))
        }
    }

    /// Version `version` of the score's artifact, or its newest when `version` is `nil`.
    public func modelArtifact(scorecard: String, score: String, version: Int?, accountID: Identifier<Account>) async throws -> ModelArtifact? {
        try await backend.read { db in
            let (owner, target) = try await Self.requireScore(score, of: scorecard, accountID: accountID, on: db)
            var sql: SQLQueryString = "SELECT * FROM model_artifacts WHERE account_id = \(bind: accountID.rawValue) AND score_id = \(bind: target.id.rawValue)"
            if let version { sql += " AND version = \(bind: version)" }
            guard let row = try await db.raw(sql + " ORDER BY version DESC LIMIT 1").first() else { return nil }
            return ModelArtifact(
                id: try row.id("id"), scorecardKey: owner.key, scoreKey: target.key, version: try row.int("version"),
                algorithm: try row.string("algorithm"), artifact: try row.string("artifact"), metrics: try row.json("metrics"),
                createdAt: try row.date("created_at"))
        }
    }

    /// The score's artifacts without their bodies, newest first.
    public func modelArtifacts(scorecard: String, score: String, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<ModelArtifactSummary> {
        let after = try page.cursor.map { try Cursor(token: $0).micros }
        return try await backend.read { db in
            let (owner, target) = try await Self.requireScore(score, of: scorecard, accountID: accountID, on: db)
            var sql: SQLQueryString = """
                SELECT id, version, algorithm, metrics, created_at FROM model_artifacts
                WHERE account_id = \(bind: accountID.rawValue) AND score_id = \(bind: target.id.rawValue)
                """
            if let after { sql += " AND version < \(bind: after)" }
            let summaries = try await db.raw(sql + " ORDER BY version DESC LIMIT \(literal: page.limit)").all().map { row in
                ModelArtifactSummary(
                    id: try row.id("id"), scorecardKey: owner.key, scoreKey: target.key, version: try row.int("version"),
                    algorithm: try row.string("algorithm"), metrics: try row.json("metrics"), createdAt: try row.date("created_at"))
            }
            return Page(data: summaries, nextCursor: VersionCursor.next(after: summaries.map { ($0.version, $0.id.rawValue) }, limit: page.limit))
        }
    }

    /// Resolves a score of a scorecard (each by ID or key); either missing is a not-found error without a field.
    static func requireScore(_ score: String, of scorecard: String, accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> (Scorecard, Score) {
        guard let owner = try await loadScorecard(scorecard, accountID: accountID, on: db) else {
            throw DomainError.notFound(resource: "scorecard", id: scorecard, field: nil)
        }
        guard let target = owner.score(score) else {
            throw DomainError.notFound(resource: "score in scorecard '\(owner.key)'", id: score, field: nil)
        }
        return (owner, target)
    }
}
