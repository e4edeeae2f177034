import Foundation
import PlexusCore
import SQLKit

/// Score results: recording in batches with idempotency keys, updating and listing.
extension SQLStore {
    /// The most results one batch may carry.
    public static let maximumScoreResultBatch = 10_000

    static let scoreResultInsert = BulkInsert(
        table: "score_results",
        columns: [
            .init("id", .text), .init("account_id", .text), .init("scorecard_id", .text), .init("score_id", .text),
            .init("item_id", .text), .init("value", .text), .init("confidence", .double), .init("explanation", .text),
            .init("metadata", .text), .init("cost", .double), .init("latency", .double), .init("evaluation_id", .text),
            .init("scoring_job_id", .text), .init("idempotency_key", .text), .init("created_at", .bigint), .init("updated_at", .bigint),
            .init("scorecard_version", .bigint),
        ],
        ignoringConflicts: true, returning: "id")

    /// Records results in one transaction: all of them, or none when any is invalid.
    ///
    /// A result whose idempotency key was already used in the account is a duplicate: nothing is
    /// written for it and the existing result's ID is returned in its place, so a client can resend
    /// a batch safely. Items referenced by an unknown external ID are created on the fly.
    ///
    /// Errors name fields as `scoreResults[i].field`; with `batchField` nil (a single result),
    /// as plain `field`.
    public func createScoreResults(
        _ drafts: [ScoreResultDraft], accountID: Identifier<Account>, batchField: String? = "scoreResults"
    ) async throws -> BatchOutcome<ScoreResult> {
        let fieldPrefix = try validateBatch(drafts, batchField: batchField)
        let environment = self.environment
        // Everything that needs no lookup is prepared before taking the write lock, which SQLite holds alone.
        let rows = ScoreResultRows(drafts: drafts, accountID: accountID, environment: environment)
        let (outcome, createdPerScore, itemsCreated) = try await backend.write { [rows] tx in
            var rows = rows
            let resolved = try await ScoreResultResolver(accountID: accountID, environment: environment, fieldPrefix: fieldPrefix)
                .resolve(drafts, on: tx)
            rows.fill(resolved.targets)
            let inserted = Set(try await tx.insert(Self.scoreResultInsert, rows: rows.values))
            let outcome = try await Self.outcome(drafts: drafts, ids: rows.ids, inserted: inserted, accountID: accountID, on: tx.sql)
            let createdPerScore = rows.createdPerScore(inserted: inserted)
            try await Self.addToCounters(createdPerScore, accountID: accountID, on: tx.sql)
            return (outcome, createdPerScore, resolved.itemsCreated)
        }
        if itemsCreated > 0 { publish(.itemsCreated(accountID: accountID, count: itemsCreated)) }
        announce(createdPerScore, accountID: accountID)
        return outcome
    }

    /// Checks the batch's size and every draft; returns how to name draft `i`'s fields in errors.
    private func validateBatch(_ drafts: [ScoreResultDraft], batchField: String?) throws -> @Sendable (Int) -> String {
        let batchName = batchField ?? "scoreResults"
        guard !drafts.isEmpty else {
            throw DomainError.invalid(field: batchName, message: "The batch is empty; send at least one score result.")
        }
        guard drafts.count <= Self.maximumScoreResultBatch else {
            throw DomainError.invalid(field: batchName, message: "A batch may hold at most \(Self.maximumScoreResultBatch) score results; got \(drafts.count). Split it.")
        }
        let fieldPrefix: @Sendable (Int) -> String = { index in batchField.map { "\($0)[\(index)]" } ?? "" }
        let now = environment.now()
        for (index, draft) in drafts.enumerated() {
            try draft.validate(field: fieldPrefix(index), now: now)
        }
        return fieldPrefix
    }

    /// Publishes one change per scorecard that received new results.
    private func announce(_ createdPerScore: [ScoreCount], accountID: Identifier<Account>) {
        var perScorecard: [String: Int] = [:]
        for score in createdPerScore { perScorecard[score.scorecardID, default: 0] += score.count }
        for (scorecardID, count) in perScorecard.sorted(by: { $0.key < $1.key }) {
            publish(.scoreResultsCreated(accountID: accountID, scorecardID: Identifier(scorecardID), count: count))
        }
    }

    /// Adds a batch's new results to the per-score counters, in the batch's transaction.
    private static func addToCounters(_ counts: [ScoreCount], accountID: Identifier<Account>, on db: any SQLDatabase) async throws {
        for score in counts {
            try await db.raw("""
                INSERT INTO score_result_counts (score_id, scorecard_id, account_id, count)
                VALUES (\(bind: score.scoreID), \(bind: score.scorecardID), \(bind: accountID.rawValue), \(bind: score.count))
                ON CONFLICT (score_id) DO UPDATE SET count = score_result_counts.count + excluded.count
                """).run()
        }
    }

    /// Replaces skipped rows' IDs with the IDs of the results that already hold their idempotency keys.
    private static func outcome(
        drafts: [ScoreResultDraft], ids: [String], inserted: Set<String>, accountID: Identifier<Account>, on db: any SQLDatabase
    ) async throws -> BatchOutcome<ScoreResult> {
        let skippedKeys = drafts.indices.filter { !inserted.contains(ids[$0]) }.compactMap { drafts[$0].idempotencyKey }
        var existing: [String: String] = [:]
        for chunk in Array(Set(skippedKeys)).chunked(into: 900) {
            let rows = try await db.raw("""
                SELECT id, idempotency_key FROM score_results
                WHERE account_id = \(bind: accountID.rawValue) AND idempotency_key IN (\(binds: chunk))
                """).all()
            for row in rows { existing[try row.string("idempotency_key")] = try row.string("id") }
        }
        let finalIDs = drafts.indices.map { index in
            inserted.contains(ids[index]) ? ids[index] : drafts[index].idempotencyKey.flatMap { existing[$0] } ?? ids[index]
        }
        return BatchOutcome(created: inserted.count, duplicates: drafts.count - inserted.count, ids: finalIDs.map { Identifier($0) })
    }

    /// The result with this ID.
    public func scoreResult(_ id: String, accountID: Identifier<Account>) async throws -> ScoreResult? {
        try await backend.read { db in
            try await Self.loadScoreResult(id, accountID: accountID, on: db)
        }
    }

    /// Changes the given fields of a result.
    public func updateScoreResult(_ id: String, accountID: Identifier<Account>, with update: ScoreResultUpdate) async throws -> ScoreResult {
        try update.validate()
        let now = environment.nowMicros()
        return try await backend.write { tx in
            let db = tx.sql
            guard var result = try await Self.loadScoreResult(id, accountID: accountID, on: db) else {
                throw DomainError.notFound(resource: "score result", id: id, field: nil)
            }
            if let value = update.value, let score = try await Self.score(result.scoreId, on: db) {
                try score.validate(resultValue: value, field: "value")
            }
            result.value = update.value ?? result.value
            result.confidence = update.confidence ?? result.confidence
            result.explanation = update.explanation ?? result.explanation
            result.metadata = update.metadata ?? result.metadata
            result.cost = update.cost ?? result.cost
            result.latency = update.latency ?? result.latency
            result.updatedAt = Timestamp.date(now)
            try await db.raw("""
                UPDATE score_results SET value = \(bind: result.value), confidence = \(bind: result.confidence),
                    explanation = \(bind: result.explanation), metadata = \(bind: JSONText.encode(result.metadata)),
                    cost = \(bind: result.cost), latency = \(bind: result.latency), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)
                """).run()
            return result
        }
    }

    /// The account's results matching `filter`, newest first.
    public func scoreResults(accountID: Identifier<Account>, filter: ScoreResultFilter, page: PageRequest) async throws -> Page<ScoreResult> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            var sql: SQLQueryString = "SELECT * FROM score_results WHERE account_id = \(bind: accountID.rawValue)"
            if let id = filter.scorecardId { sql += " AND scorecard_id = \(bind: id.rawValue)" }
            if let id = filter.scoreId { sql += " AND score_id = \(bind: id.rawValue)" }
            if let id = filter.itemId { sql += " AND item_id = \(bind: id.rawValue)" }
            if let id = filter.evaluationId { sql += " AND evaluation_id = \(bind: id.rawValue)" }
            if let since = filter.since { sql += " AND created_at >= \(bind: Timestamp.micros(since))" }
            if let until = filter.until { sql += " AND created_at < \(bind: Timestamp.micros(until))" }
            if let value = filter.value { sql += " AND value = \(bind: value)" }
            let results = try await db.raw(sql + tail).all().map(Self.scoreResult(from:))
            return Page(data: results, nextCursor: Cursor.next(after: results, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    static func loadScoreResult(_ id: String, accountID: Identifier<Account>, on db: any SQLDatabase) async throws -> ScoreResult? {
        try await db.raw("SELECT * FROM score_results WHERE account_id = \(bind: accountID.rawValue) AND id = \(bind: id)").first()
            .map(scoreResult(from:))
    }

    static func scoreResult(from row: any SQLRow) throws -> ScoreResult {
        ScoreResult(
            id: try row.id("id"), accountId: try row.id("account_id"), scorecardId: try row.id("scorecard_id"),
            scoreId: try row.id("score_id"), itemId: try row.id("item_id"), value: try row.string("value"),
            confidence: try row.optionalDouble("confidence"), explanation: try row.optionalString("explanation"),
            metadata: try row.json("metadata"), cost: try row.optionalDouble("cost"), latency: try row.optionalDouble("latency"),
            evaluationId: try row.optionalID("evaluation_id"), scoringJobId: try row.optionalString("scoring_job_id"),
            idempotencyKey: try row.optionalString("idempotency_key"), scorecardVersion: try row.optionalInt("scorecard_version"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
    }
}
