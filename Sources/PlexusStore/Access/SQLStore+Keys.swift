import Foundation
import PlexusCore
import SQLKit

/// API keys: made, listed, rotated and revoked per account, and looked up by the hash of their
/// secret on every request; and the secret that signs short-lived tokens.
extension SQLStore {
    /// Keys are marked as used at most this often, so a busy pipeline does not write on every request.
    static let lastUsedResolutionMicros: Int64 = 60_000_000

    /// Stores the hash of `token` as a key of `accountID` and describes it.
    @discardableResult
    public func addAPIKey(
        _ token: String, accountID: Identifier<Account>, isAdmin: Bool, name: String = "",
        scopes: Set<APIScope> = [.admin], expiresAt: Date? = nil
    ) async throws -> APIKey {
        let key = APIKey(
            id: environment.newID(), name: name, prefix: Self.prefix(of: token), scopes: scopes.ordered, isOperator: isAdmin,
            createdAt: Timestamp.date(environment.nowMicros()), expiresAt: expiresAt)
        try await backend.write { tx in
            try await Self.insert(key, hash: APIToken.hash(token), accountID: accountID, into: tx.sql)
        }
        return key
    }

    /// Makes a new key of `accountID` with a random secret.
    /// - Throws: ``DomainError/invalid(field:message:)`` for a blank or overlong name.
    public func createAPIKey(accountID: Identifier<Account>, name: String, scopes: Set<APIScope>, expiresAt: Date? = nil) async throws -> APIKeyCreated {
        try Validate.nonBlank(name, field: "name")
        guard name.count <= 200 else { throw DomainError.invalid(field: "name", message: "A key's name may be at most 200 characters; got \(name.count).") }
        let token = APIToken.generate()
        let key = try await addAPIKey(token, accountID: accountID, isAdmin: false, name: name, scopes: scopes, expiresAt: expiresAt)
        return APIKeyCreated(key: key, apiKey: token)
    }

    /// The keys of `accountID` that still work, oldest first.
    public func apiKeys(accountID: Identifier<Account>) async throws -> [APIKey] {
        let now = environment.nowMicros()
        return try await backend.read { db in
            try await db.raw("""
                SELECT * FROM api_keys WHERE account_id = \(bind: accountID.rawValue) AND (expires_at IS NULL OR expires_at > \(bind: now))
                ORDER BY created_at, id
                """).all().map(Self.apiKey(from:))
        }
    }

    /// Deletes key `id` of `accountID` at once; tokens made from it stop working too.
    /// - Returns: whether there was such a key.
    public func revokeAPIKey(id: String, accountID: Identifier<Account>) async throws -> Bool {
        try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM api_keys WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM api_keys WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").run()
            return true
        }
    }

    /// Replaces key `id` of `accountID` with a new one of the same name and scopes; the old one
    /// keeps working for `gracePeriodSeconds`. Keys whose grace period is over are deleted.
    /// - Returns: the new key and its secret, or `nil` when there is no such key that still works.
    public func rotateAPIKey(id: String, accountID: Identifier<Account>, gracePeriodSeconds: Int) async throws -> APIKeyCreated? {
        guard (0...30 * 86_400).contains(gracePeriodSeconds) else {
            throw DomainError.invalid(field: "gracePeriodSeconds", message: "gracePeriodSeconds must be from 0 to 2,592,000 (30 days); got \(gracePeriodSeconds).")
        }
        let now = environment.nowMicros()
        let token = APIToken.generate()
        let newID = environment.newID()
        return try await backend.write { tx in
            let db = tx.sql
            try await db.raw("DELETE FROM api_keys WHERE expires_at IS NOT NULL AND expires_at <= \(bind: now)").run()
            guard let row = try await db.raw("SELECT * FROM api_keys WHERE id = \(bind: id) AND account_id = \(bind: accountID.rawValue)").first() else {
                return nil
            }
            var old = try Self.apiKey(from: row)
            let graceEnd = now + Int64(gracePeriodSeconds) * 1_000_000
            let oldEnd = min(old.expiresAt.map(Timestamp.micros) ?? .max, graceEnd)
            try await db.raw("UPDATE api_keys SET expires_at = \(bind: oldEnd) WHERE id = \(bind: id)").run()
            old.expiresAt = Timestamp.date(oldEnd)
            let key = APIKey(
                id: newID, name: old.name, prefix: Self.prefix(of: token), scopes: old.scopes, isOperator: old.isOperator,
                createdAt: Timestamp.date(now))
            try await Self.insert(key, hash: APIToken.hash(token), accountID: accountID, into: db)
            return APIKeyCreated(key: key, apiKey: token, replaced: old)
        }
    }

    /// Who the key with secret `token` belongs to, or `nil` for an unknown or expired key.
    public func principal(forToken token: String) async throws -> Principal? {
        try await principal(where: "k.token_hash", equals: APIToken.hash(token))
    }

    /// Who key `id` belongs to, or `nil` once it is revoked or expired (tokens name their key by ID).
    public func principal(forKeyID id: String) async throws -> Principal? {
        try await principal(where: "k.id", equals: id)
    }

    /// The secret short-lived tokens are signed with: made on first use and shared by every server
    /// on the same database, so a token one server made is good on all of them.
    public func signingSecret() async throws -> String {
        let candidate = APIToken.generate()
        let now = environment.nowMicros()
        return try await backend.write { tx in
            // Servers starting together: the first insert wins and every one reads that secret.
            try await tx.sql.raw("""
                INSERT INTO signing_secrets (id, secret, created_at) VALUES ('tokens', \(bind: candidate), \(bind: now))
                ON CONFLICT (id) DO NOTHING
                """).run()
            guard let row = try await tx.sql.raw("SELECT secret FROM signing_secrets WHERE id = 'tokens'").first() else { return candidate }
            return try row.string("secret")
        }
    }

    private func principal(where column: String, equals value: String) async throws -> Principal? {
        let now = environment.nowMicros()
        let found: (Principal, Int64?)? = try await backend.read { db in
            guard let row = try await db.raw("""
                SELECT k.id, k.account_id, k.is_admin, k.scopes, k.last_used_at, k.expires_at, a.rate_limit_per_second, a.rate_limit_burst
                FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE \(unsafeRaw: column) = \(bind: value)
                """).first() else { return nil }
            if let expiresAt = try row.optionalInt("expires_at"), Int64(expiresAt) <= now { return nil }
            let principal = Principal(
                accountID: try row.id("account_id"), isAdmin: try row.int("is_admin") != 0, keyID: try row.optionalString("id"),
                scopes: Self.scopes(try row.string("scopes")), rateLimit: try Self.rateLimit(from: row))
            return (principal, try row.optionalInt("last_used_at").map(Int64.init))
        }
        guard let (principal, lastUsed) = found else { return nil }
        if let keyID = principal.keyID, lastUsed.map({ now - $0 >= Self.lastUsedResolutionMicros }) ?? true {
            try await backend.write { tx in
                try await tx.sql.raw("UPDATE api_keys SET last_used_at = \(bind: now) WHERE id = \(bind: keyID)").run()
            }
        }
        return principal
    }

    private static func insert(_ key: APIKey, hash: String, accountID: Identifier<Account>, into db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO api_keys (token_hash, account_id, is_admin, created_at, id, name, prefix, scopes, expires_at)
            VALUES (\(bind: hash), \(bind: accountID.rawValue), \(bind: key.isOperator ? 1 : 0), \(bind: Timestamp.micros(key.createdAt)),
                    \(bind: key.id), \(bind: key.name), \(bind: key.prefix), \(bind: Set(key.scopes).storedText),
                    \(bind: key.expiresAt.map(Timestamp.micros)))
            """).run()
    }

    static func apiKey(from row: any SQLRow) throws -> APIKey {
        APIKey(
            id: try row.string("id"), name: try row.string("name"), prefix: try row.string("prefix"),
            scopes: scopes(try row.string("scopes")).ordered, isOperator: try row.int("is_admin") != 0,
            createdAt: try row.date("created_at"), lastUsedAt: try row.optionalDate("last_used_at"), expiresAt: try row.optionalDate("expires_at"))
    }

    static func rateLimit(from row: any SQLRow) throws -> RateLimit? {
        guard let perSecond = try row.optionalDouble("rate_limit_per_second"), let burst = try row.optionalInt("rate_limit_burst") else { return nil }
        return RateLimit(requestsPerSecond: perSecond, burst: burst)
    }

    /// The scopes stored as `read write`; unknown names (from a newer build) are ignored.
    private static func scopes(_ text: String) -> Set<APIScope> {
        Set(text.split(separator: " ").compactMap { APIScope(rawValue: String($0)) })
    }

    /// The part of a secret shown in lists: `plx_` and 8 hex digits of a generated key; nothing
    /// of a short key chosen by hand, where even a few characters give too much away.
    private static func prefix(of token: String) -> String {
        token.count >= 32 ? String(token.prefix(12)) : ""
    }
}

private extension Set where Element == APIScope {
    var storedText: String { ordered.map(\.rawValue).joined(separator: " ") }
}
