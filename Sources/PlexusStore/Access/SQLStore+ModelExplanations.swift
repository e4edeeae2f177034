import Foundation
import PlexusCore
import SQLKit

/// Stored explanations of model versions: kept whole, listed newest first by their summaries,
/// and deleted with their model version.
extension SQLStore {
    /// Stores `explanation` under its ID (a new one when it has none; an explanation job's was
    /// given out when the job was queued), stamps its creation time, announces it as a
    /// ``StoreChange/explanationStored(accountID:_:)``, and returns it as stored.
    public func storeExplanation(_ explanation: ModelExplanation, accountID: Identifier<Account>) async throws -> ModelExplanation {
        var stored = explanation
        stored.id = explanation.id ?? newID()
        let now = environment.nowMicros()
        stored.createdAt = Timestamp.date(now)
        let saved = try await backend.write { [stored] tx in
            try await tx.sql.raw("""
                INSERT INTO model_explanations (id, account_id, model_id, method, row_count, summary, body, created_at)
                VALUES (\(bind: stored.id?.rawValue ?? ""), \(bind: accountID.rawValue), \(bind: stored.model.id.rawValue), \(bind: stored.method),
                    \(bind: stored.rows.count), \(bind: JSONText.encode(stored.summary)), \(bind: JSONText.encode(stored)), \(bind: now))
                """).run()
            return stored
        }
        publish(.explanationStored(accountID: accountID, saved.summary))
        return saved
    }

    /// The stored explanations of the model version `modelID`, newest first.
    public func explanations(of modelID: Identifier<RegisteredModel>, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<ModelExplanationSummary> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let found = try await db.raw("""
                SELECT summary FROM model_explanations WHERE account_id = \(bind: accountID.rawValue) AND model_id = \(bind: modelID.rawValue)
                """ + tail).all().map {
                try JSONText.decode(ModelExplanationSummary.self, from: try $0.string("summary"), column: "model_explanations.summary")
            }
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// The stored explanation `id`, rows and all.
    public func explanation(_ id: String, accountID: Identifier<Account>) async throws -> ModelExplanation? {
        try await backend.read { db in
            try await db.raw("SELECT body FROM model_explanations WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first().map {
                try JSONText.decode(ModelExplanation.self, from: try $0.string("body"), column: "model_explanations.body")
            }
        }
    }
}
