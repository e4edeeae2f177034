import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Accounts and API keys")
struct AccountStoreTests {
    @Test("First start creates the default account and an admin key, once", arguments: TestDatabase.available)
    func bootstrap(database: TestDatabase) async throws {
        try await database.withStore { store in
            let token = try #require(try await store.bootstrap(adminKey: nil))
            #expect(token.hasPrefix("plx_") && token.count == 68)
            #expect(try await store.bootstrap(adminKey: nil) == nil)
            let principal = try #require(try await store.principal(forToken: token))
            #expect(principal.isAdmin)
            let account = try #require(try await store.account("default"))
            #expect(principal.accountID == account.id)
            #expect(try await store.principal(forToken: token + "x") == nil)
        }
    }

    @Test("A given admin key is used as it is", arguments: TestDatabase.available)
    func givenAdminKey(database: TestDatabase) async throws {
        try await database.withStore { store in
            let token = try await store.bootstrap(adminKey: "automation-key")
            let principal = try await store.principal(forToken: "automation-key")
            #expect(token == "automation-key")
            #expect(principal?.isAdmin == true)
        }
    }

    @Test("Account keys are unique and checked", arguments: TestDatabase.available)
    func uniqueKeys(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await store.createAccount(key: "acme", name: "Acme")
            #expect(try await store.account(account.id.rawValue) == account)
            await #expect(throws: DomainError.self) { try await store.createAccount(key: "acme", name: "Again") }
            await #expect(throws: DomainError.self) { try await store.createAccount(key: "bad key!", name: "X") }
        }
    }

    @Test("Reopening a database keeps its data and does not re-run migrations", arguments: TestDatabase.available)
    func reopen(database: TestDatabase) async throws {
        let (location, cleanup) = try await database.makeEmptyDatabase()
        let first = try await SQLStore.open(location)
        _ = try await first.createAccount(key: "kept", name: "Kept")
        try await first.close()
        let second = try await SQLStore.open(location)
        #expect(try await second.account("kept")?.name == "Kept")
        try await second.close()
        try await cleanup()
    }

    @Test("PostgreSQL is part of the run when CI requires it")
    func postgresConfigured() {
        if TestDatabase.postgresRequired {
            #expect(TestDatabase.available.contains(.postgres))
        }
    }
}
