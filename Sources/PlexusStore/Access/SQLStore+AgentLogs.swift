import Foundation
import PlexusAgents
import PlexusCore
import SQLKit

/// Agent projects and their logs: projects by ID or key; logs append-only, deduplicated by
/// content hash and versioned by external ID.
extension SQLStore: AgentLogStore {
    public func createProject(_ project: Project, accountID: Identifier<Account>) async throws -> Project {
        try project.check()
        var stored = project
        stored.id = newID()
        let now = environment.nowMicros()
        stored.createdAt = Timestamp.date(now)
        stored.updatedAt = stored.createdAt
        return try await backend.write { [stored] tx in
            guard try await tx.sql.raw("SELECT id FROM agent_projects WHERE account_id = \(bind: accountID.rawValue) AND key = \(bind: stored.key)").first() == nil else {
                throw DomainError.conflict(field: "key", message: "A project with key '\(stored.key)' already exists; update it or choose another key.")
            }
            try await tx.sql.raw("""
                INSERT INTO agent_projects (id, account_id, key, body, created_at, updated_at)
                VALUES (\(bind: stored.id.rawValue), \(bind: accountID.rawValue), \(bind: stored.key), \(bind: JSONText.encode(stored)), \(bind: now), \(bind: now))
                """).run()
            return stored
        }
    }

    public func project(_ reference: String, accountID: Identifier<Account>) async throws -> Project? {
        try await backend.read { db in
            try await db.raw("""
                SELECT body FROM agent_projects WHERE account_id = \(bind: accountID.rawValue) AND (id = \(bind: reference) OR key = \(bind: reference))
                ORDER BY CASE WHEN id = \(bind: reference) THEN 0 ELSE 1 END LIMIT 1
                """).first().map(Self.project(from:))
        }
    }

    public func projects(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<Project> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let found = try await db.raw("SELECT body FROM agent_projects WHERE account_id = \(bind: accountID.rawValue)" + tail).all().map(Self.project(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.createdAt, $0.id.rawValue) })
        }
    }

    public func updateProject(_ project: Project, accountID: Identifier<Account>) async throws -> Project {
        try project.check()
        let now = environment.nowMicros()
        return try await backend.write { tx in
            guard let row = try await tx.sql.raw("""
                SELECT body FROM agent_projects WHERE id = \(bind: project.id.rawValue) AND account_id = \(bind: accountID.rawValue)
                """).first() else {
                throw DomainError.notFound(resource: "project", id: project.id.rawValue, field: nil)
            }
            let current = try Self.project(from: row)
            var updated = project
            (updated.key, updated.createdAt, updated.updatedAt) = (current.key, current.createdAt, Timestamp.date(now))
            try await tx.sql.raw("""
                UPDATE agent_projects SET body = \(bind: JSONText.encode(updated)), updated_at = \(bind: now) WHERE id = \(bind: project.id.rawValue)
                """).run()
            return updated
        }
    }

    public func appendLogs(_ entries: [LogEntry], projectID: Identifier<Project>, accountID: Identifier<Account>) async throws -> LogAppendCounts {
        let ids: [String] = entries.map { _ in (newID() as Identifier<StoredLogEntry>).rawValue }
        let now = environment.nowMicros()
        return try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM agent_projects WHERE id = \(bind: projectID.rawValue) AND account_id = \(bind: accountID.rawValue)").first() != nil else {
                throw DomainError.notFound(resource: "project", id: projectID.rawValue, field: "project")
            }
            var counts = LogAppendCounts()
            var seen: Set<String> = []
            for (entry, id) in zip(entries, ids) {
                let hash = entry.contentHash
                guard seen.insert(hash).inserted else {
                    counts.duplicate += 1
                    continue
                }
                if try await db.raw("SELECT id FROM agent_logs WHERE project_id = \(bind: projectID.rawValue) AND content_hash = \(bind: hash)").first() != nil {
                    counts.duplicate += 1
                    continue
                }
                var version = 1
                if let external = entry.externalId, let newest = try await db.raw("""
                    SELECT MAX(version) AS version FROM agent_logs WHERE project_id = \(bind: projectID.rawValue) AND external_id = \(bind: external)
                    """).first()?.decode(column: "version", as: Int?.self) {
                    version = newest + 1
                    try await db.raw("""
                        UPDATE agent_logs SET is_latest = 0 WHERE project_id = \(bind: projectID.rawValue) AND external_id = \(bind: external)
                        """).run()
                    counts.newVersion += 1
                } else {
                    counts.new += 1
                }
                let stored = StoredLogEntry(id: id, projectId: projectID, version: version, contentHash: hash, ingestedAt: Timestamp.date(now), entry: entry)
                try await db.raw("""
                    INSERT INTO agent_logs (id, account_id, project_id, external_id, content_hash, version, is_latest, body, created_at, ingested_at)
                    VALUES (\(bind: id), \(bind: accountID.rawValue), \(bind: projectID.rawValue), \(bind: entry.externalId), \(bind: hash), \(bind: version), 1,
                        \(bind: JSONText.encode(stored)), \(bind: Timestamp.micros(entry.timestamp)), \(bind: now))
                    """).run()
            }
            return counts
        }
    }

    public func logs(projectID: Identifier<Project>, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<StoredLogEntry> {
        let tail = try KeysetPage.clause(page)
        return try await backend.read { db in
            let found = try await db.raw("""
                SELECT body FROM agent_logs WHERE project_id = \(bind: projectID.rawValue) AND account_id = \(bind: accountID.rawValue) AND is_latest = 1
                """ + tail).all().map(Self.storedLog(from:))
            return Page(data: found, nextCursor: Cursor.next(after: found, limit: page.limit) { ($0.entry.timestamp, $0.id) })
        }
    }

    public func logVersions(_ reference: String, projectID: Identifier<Project>, accountID: Identifier<Account>) async throws -> [StoredLogEntry] {
        try await backend.read { db in
            let scope: SQLQueryString = "project_id = \(bind: projectID.rawValue) AND account_id = \(bind: accountID.rawValue)"
            var external = try await db.raw("SELECT external_id FROM agent_logs WHERE " + scope + " AND id = \(bind: reference)").first()?
                .decode(column: "external_id", as: String?.self)
            let byID = try await db.raw("SELECT body FROM agent_logs WHERE " + scope + " AND id = \(bind: reference)").first()
            if byID == nil { external = reference }
            guard let external else { return try byID.map { [try Self.storedLog(from: $0)] } ?? [] }
            return try await db.raw("SELECT body FROM agent_logs WHERE " + scope + " AND external_id = \(bind: external) ORDER BY version DESC").all()
                .map(Self.storedLog(from:))
        }
    }

    private static func project(from row: any SQLRow) throws -> Project {
        try JSONText.decode(Project.self, from: try row.string("body"), column: "agent_projects.body")
    }

    private static func storedLog(from row: any SQLRow) throws -> StoredLogEntry {
        try JSONText.decode(StoredLogEntry.self, from: try row.string("body"), column: "agent_logs.body")
    }
}
