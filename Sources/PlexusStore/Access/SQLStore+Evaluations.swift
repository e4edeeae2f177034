import Foundation
import PlexusCore
import SQLKit

/// Evaluations: runs that compare results with labels, with live progress and metrics.
extension SQLStore {
    /// Creates a PENDING evaluation of a scorecard, or of one of its scores.
    public func createEvaluation(_ draft: EvaluationDraft, accountID: Identifier<Account>) async throws -> Evaluation {
        try draft.validate()
        let now = environment.nowMicros()
        let id = environment.newID()
        let evaluation = try await backend.write { tx in
            let db = tx.sql
            let scorecard = try await Self.requireScorecard(draft.scorecard, accountID: accountID, field: "scorecard", on: db)
            var scoreID: String?
            if let scoreRef = draft.score {
                guard let score = scorecard.score(scoreRef) else {
                    throw DomainError.notFound(resource: "score in scorecard '\(scorecard.key)'", id: scoreRef, field: "score")
                }
                scoreID = score.id.rawValue
            }
            try await db.raw("""
                INSERT INTO evaluations (id, account_id, type, scorecard_id, score_id, parameters, status, progress,
                    processed_items, total_items, created_at, updated_at)
                VALUES (\(bind: id), \(bind: accountID.rawValue), \(bind: draft.type), \(bind: scorecard.id.rawValue), \(bind: scoreID),
                    \(bind: JSONText.encode(draft.parameters)), \(bind: EvaluationStatus.pending.rawValue), 0, 0,
                    \(bind: draft.totalItems), \(bind: now), \(bind: now))
                """).run()
            return try await Self.loadEvaluation(id, accountID: accountID, on: db)!
        }
        publish(.evaluationUpdated(evaluation))
        return evaluation
    }

    /// The evaluation with this ID.
    public func evaluation(_ id: String, accountID: Identifier<Account>) async throws -> Evaluation? {
        try await backend.read { db in
            try await Self.loadEvaluation(id, accountID: accountID, on: db)
        }
    }

    /// Applies an update. Moving to RUNNING sets `startedAt`; to COMPLETED, FAILED or CANCELLED sets
    /// `completedAt`; a finished evaluation cannot change status again.
    public func updateEvaluation(_ id: String, accountID: Identifier<Account>, with update: EvaluationUpdate) async throws -> Evaluation {
        let now = Timestamp.date(environment.nowMicros())
        let updated = try await backend.write { tx in
            let db = tx.sql
            guard var evaluation = try await Self.loadEvaluation(id, accountID: accountID, on: db) else {
                throw DomainError.notFound(resource: "evaluation", id: id, field: nil)
            }
            try update.validate(against: evaluation.status)
            evaluation.apply(update, at: now)
            try await Self.save(evaluation, on: db)
            return evaluation
        }
        publish(.evaluationUpdated(updated))
        return updated
    }

    /// The account's evaluations, newest first, optionally of one scorecard.
    public func evaluations(accountID: Identifier<Account>, scorecardID: Identifier<Scorecard>? = nil, page: PageRequest) async throws -> Page<Evaluation> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            var sql: SQLQueryString = "SELECT * FROM evaluations WHERE account_id = \(bind: accountID.rawValue)"
            if let scorecardID { sql += " AND scorecard_id = \(bind: scorecardID.rawValue)" }
            let evaluations = try await db.raw(sql + tail).all().map(Self.evaluation(from:))
            return Page(data: evaluations, nextCursor: Cursor.next(after: evaluations, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    private static func save(_ evaluation: Evaluation, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE evaluations SET status = \(bind: evaluation.status.rawValue), progress = \(bind: evaluation.progress),
                processed_items = \(bind: evaluation.processedItems), total_items = \(bind: evaluation.totalItems),
                accuracy = \(bind: evaluation.accuracy), metrics = \(bind: JSONText.encode(evaluation.metrics)),
                confusion_matrix = \(bind: JSONText.encode(evaluation.confusionMatrix)),
                error_message = \(bind: evaluation.errorMessage), error_details = \(bind: JSONText.encode(evaluation.errorDetails)),
                updated_at = \(bind: Timestamp.micros(evaluation.updatedAt)),
                started_at = \(bind: evaluation.startedAt.map(Timestamp.micros)),
                completed_at = \(bind: evaluation.completedAt.map(Timestamp.micros))
            WHERE id = \(bind: evaluation.id.rawValue)
            """).run()
    }

    static func loadEvaluation(_ id: String, accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> Evaluation? {
        try await db.raw("SELECT * FROM evaluations WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id)").first()
            .map(evaluation(from:))
    }

    static func evaluation(from row: any SQLRow) throws -> Evaluation {
        guard let status = EvaluationStatus(rawValue: try row.string("status")) else {
            throw StoreError.corruptValue(column: "status", detail: "unknown status \(try row.string("status"))")
        }
        return Evaluation(
            id: try row.id("id"), accountId: try row.id("account_id"), type: try row.string("type"),
            scorecardId: try row.id("scorecard_id"), scoreId: try row.optionalID("score_id"), parameters: try row.json("parameters"),
            status: status, progress: try row.double("progress"), processedItems: try row.int("processed_items"),
            totalItems: try row.optionalInt("total_items"), accuracy: try row.optionalDouble("accuracy"),
            metrics: try row.json("metrics"), confusionMatrix: try row.json("confusion_matrix"),
            errorMessage: try row.optionalString("error_message"), errorDetails: try row.json("error_details"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            startedAt: try row.optionalDate("started_at"), completedAt: try row.optionalDate("completed_at")
        )
    }
}
