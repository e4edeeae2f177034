import Foundation
import PlexusCore
import SQLKit

/// Uploaded ONNX models: each version stored with its description and file, read by ID,
/// `name@version` or name (the newest version).
extension SQLStore {
    /// Stores `model` (its ID, version and creation time are assigned here) with its file as the
    /// next version of its name.
    public func registerModel(_ model: RegisteredModel, file: Data, accountID: Identifier<Account>) async throws -> RegisteredModel {
        var draft = model
        draft.id = newID()
        let now = environment.nowMicros()
        draft.createdAt = Timestamp.date(now)
        return try await backend.write { [draft] tx in
            let db = tx.sql
            let newest = try await db.raw("""
                SELECT MAX(version) AS version FROM registered_models WHERE account_id = \(bind: accountID.rawValue) AND name = \(bind: draft.name)
                """).first()?.decode(column: "version", as: Int?.self)
            var stored = draft
            stored.version = (newest ?? 0) + 1
            try await db.raw("""
                INSERT INTO registered_models (id, account_id, name, version, body, file, created_at)
                VALUES (\(bind: stored.id.rawValue), \(bind: accountID.rawValue), \(bind: stored.name), \(bind: stored.version),
                    \(bind: JSONText.encode(stored)), \(bind: file), \(bind: now))
                """).run()
            return stored
        }
    }

    /// The account's model versions, newest first.
    public func registeredModels(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<RegisteredModel> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let found = try await db.raw("SELECT body FROM registered_models WHERE account_id = \(bind: accountID.rawValue)" + tail).all().map(Self.registeredModel(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    /// The model version `reference` names: an ID, `name@version`, or a name (its newest version).
    public func registeredModel(_ reference: String, accountID: Identifier<Account>) async throws -> RegisteredModel? {
        try await backend.read { db in
            try await Self.modelRow(reference, accountID: accountID, columns: "body", on: db).map(Self.registeredModel(from:))
        }
    }

    /// The file of a stored model version.
    public func registeredModelFile(_ id: Identifier<RegisteredModel>, accountID: Identifier<Account>) async throws -> Data? {
        try await backend.read { db in
            try await db.raw("""
                SELECT file FROM registered_models WHERE id = \(bind: id.rawValue) AND account_id = \(bind: accountID.rawValue)
                """).first()?.decode(column: "file", as: Data.self)
        }
    }

    /// Deletes the versions `reference` names (by ID or `name@version` one version; by name all of
    /// them) with their stored explanations; returns the deleted versions, empty when none matched.
    public func deleteRegisteredModel(_ reference: String, accountID: Identifier<Account>) async throws -> [RegisteredModel] {
        try await backend.write { tx in
            let db = tx.sql
            let isID = try await db.raw("SELECT id FROM registered_models WHERE id = \(bind: reference) AND account_id = \(bind: accountID.rawValue)").first() != nil
            let byName = !isID && Self.versioned(reference) == nil
            let rows: [any SQLRow] = if byName {
                try await db.raw("""
                    SELECT body FROM registered_models WHERE account_id = \(bind: accountID.rawValue) AND name = \(bind: reference) ORDER BY version
                    """).all()
            } else {
                try await Self.modelRow(reference, accountID: accountID, columns: "body", on: db).map { [$0] } ?? []
            }
            let models = try rows.map(Self.registeredModel(from:))
            for model in models {
                try await db.raw("DELETE FROM model_explanations WHERE model_id = \(bind: model.id.rawValue)").run()
                try await db.raw("DELETE FROM registered_models WHERE id = \(bind: model.id.rawValue)").run()
            }
            return models
        }
    }

    private static func versioned(_ reference: String) -> (name: String, version: Int)? {
        guard let at = reference.lastIndex(of: "@"), let version = Int(reference[reference.index(after: at)...]), version >= 1 else { return nil }
        return (String(reference[..<at]), version)
    }

    private static func modelRow(_ reference: String, accountID: Identifier<Account>, columns: String, on db: any SQLDatabase) async throws -> (any SQLRow)? {
        let select: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM registered_models WHERE account_id = \(bind: accountID.rawValue)"
        if let byID = try await db.raw(select + " AND id = \(bind: reference)").first() { return byID }
        if let (name, version) = versioned(reference) {
            return try await db.raw(select + " AND name = \(bind: name) AND version = \(bind: version)").first()
        }
        return try await db.raw(select + " AND name = \(bind: reference) ORDER BY version DESC LIMIT 1").first()
    }

    private static func registeredModel(from row: any SQLRow) throws -> RegisteredModel {
        try JSONText.decode(RegisteredModel.self, from: try row.string("body"), column: "registered_models.body")
    }
}
