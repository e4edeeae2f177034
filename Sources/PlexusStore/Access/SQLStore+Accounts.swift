import Foundation
import PlexusCore
import SQLKit

/// Accounts, API keys and the first-start bootstrap.
extension SQLStore {
    /// Creates an account; its key must be unused.
    public func createAccount(key: String, name: String) async throws -> Account {
        try Validate.key(key, field: "key")
        try Validate.nonBlank(name, field: "name")
        let account = Account(id: newID(), key: key, name: name, createdAt: Timestamp.date(environment.nowMicros()))
        try await backend.write { tx in
            let db = tx.sql
            guard try await db.raw("SELECT id FROM accounts WHERE key = \(bind: key)").first() == nil else {
                throw DomainError.conflict(field: "key", message: "An account with key '\(key)' already exists; choose another key.")
            }
            try await db.raw("""
                INSERT INTO accounts (id, key, name, created_at)
                VALUES (\(bind: account.id.rawValue), \(bind: key), \(bind: name), \(bind: Timestamp.micros(account.createdAt)))
                """).run()
        }
        return account
    }

    /// The account whose ID or key is `idOrKey`.
    public func account(_ idOrKey: String) async throws -> Account? {
        try await backend.read { db in
            try await db.raw("SELECT * FROM accounts WHERE id = \(bind: idOrKey) OR key = \(bind: idOrKey)").first()
                .map(Self.account(from:))
        }
    }

    /// Stores the hash of `token` as a key of `accountID`.
    public func addAPIKey(_ token: String, accountID: Identifier<Account>, isAdmin: Bool) async throws {
        let hash = APIToken.hash(token)
        let now = environment.nowMicros()
        try await backend.write { tx in
            let db = tx.sql
            try await db.raw("""
                INSERT INTO api_keys (token_hash, account_id, is_admin, created_at)
                VALUES (\(bind: hash), \(bind: accountID.rawValue), \(bind: isAdmin ? 1 : 0), \(bind: now))
                """).run()
        }
    }

    /// Who `token` belongs to, or `nil` for an unknown token.
    public func principal(forToken token: String) async throws -> Principal? {
        let hash = APIToken.hash(token)
        return try await backend.read { db in
            guard let row = try await db.raw("SELECT account_id, is_admin FROM api_keys WHERE token_hash = \(bind: hash)").first() else {
                return nil
            }
            return Principal(accountID: try row.id("account_id"), isAdmin: try row.int("is_admin") != 0)
        }
    }

    /// On an empty database, creates the `default` account and an admin key (`adminKey`, or a new
    /// random one) and returns that key; on a database that has accounts, does nothing and returns `nil`.
    public func bootstrap(adminKey: String?) async throws -> String? {
        let hasAccounts = try await backend.read { db in
            try await db.raw("SELECT id FROM accounts LIMIT 1").first() != nil
        }
        guard !hasAccounts else { return nil }
        let token = adminKey ?? APIToken.generate()
        let account = try await createAccount(key: "default", name: "Default")
        try await addAPIKey(token, accountID: account.id, isAdmin: true)
        return token
    }

    static func account(from row: any SQLRow) throws -> Account {
        Account(id: try row.id("id"), key: try row.string("key"), name: try row.string("name"), createdAt: try row.date("created_at"))
    }
}
