import Foundation
import PlexusCore
import SQLKit

/// Accounts and the first-start bootstrap.
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

    /// Changes an account's name or request limit (`update.setsRateLimit` with `nil` goes back to
    /// the server's default) and returns it, or `nil` when there is no such account.
    public func updateAccount(_ id: Identifier<Account>, _ update: AccountUpdate) async throws -> Account? {
        if let name = update.name { try Validate.nonBlank(name, field: "name") }
        if let limit = update.rateLimit { try limit.validate(field: "rateLimit") }
        try await backend.write { tx in
            let db = tx.sql
            if let name = update.name {
                try await db.raw("UPDATE accounts SET name = \(bind: name) WHERE id = \(bind: id.rawValue)").run()
            }
            if update.setsRateLimit {
                try await db.raw("""
                    UPDATE accounts SET rate_limit_per_second = \(bind: update.rateLimit?.requestsPerSecond), rate_limit_burst = \(bind: update.rateLimit?.burst)
                    WHERE id = \(bind: id.rawValue)
                    """).run()
            }
        }
        return try await account(id.rawValue)
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
        try await addAPIKey(token, accountID: account.id, isAdmin: true, name: "Operator key (first start)")
        return token
    }

    static func account(from row: any SQLRow) throws -> Account {
        Account(
            id: try row.id("id"), key: try row.string("key"), name: try row.string("name"), createdAt: try row.date("created_at"),
            rateLimit: try rateLimit(from: row))
    }
}
