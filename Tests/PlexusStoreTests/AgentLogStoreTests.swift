import Foundation
import PlexusAgents
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Agent projects and their logs")
struct AgentLogStoreTests {
    static func entry(_ id: String?, at seconds: Double, text: String) -> LogEntry {
        var record: [String: JSONValue] = ["created_at": .number(seconds), "text": .string(text)]
        if let id { record["id"] = .string(id) }
        var entry = LogEntry(source: "portkey", timestamp: Date(timeIntervalSince1970: seconds), original: .object(record))
        entry.externalId = id
        entry.responseText = text
        entry.costUSD = Decimal(string: "0.000123")
        return entry
    }

    @Test("Projects are created with the seed's settings, found by ID or key, updated, and their keys are unique per account",
          arguments: TestDatabase.available)
    func projects(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let other = try await Fixtures.account(store)
            let created = try await store.createProject(Project(key: "support-bot", name: "Support bot", incumbentModel: "gpt-4o"), accountID: account.id)
            #expect(!created.id.rawValue.isEmpty && created.settings == .builtIn && created.privacyMode == .full)
            #expect(try await store.project("support-bot", accountID: account.id) == created)
            #expect(try await store.project(created.id.rawValue, accountID: account.id) == created)
            #expect(try await store.project("support-bot", accountID: other.id) == nil)
            await #expect(throws: DomainError.self) { try await store.createProject(Project(key: "support-bot", name: "Again"), accountID: account.id) }
            await #expect(throws: DomainError.self) { try await store.createProject(Project(key: "bad key!", name: "Bad"), accountID: account.id) }
            var changed = created
            changed.candidateModels = ["claude-3-5-haiku", "gemini-2.0-flash"]
            changed.settings.confidenceThreshold = 0.8
            changed.key = "renamed"
            let updated = try await store.updateProject(changed, accountID: account.id)
            #expect(updated.key == "support-bot" && updated.candidateModels.count == 2 && updated.settings.confidenceThreshold == 0.8)
            #expect(try await store.project("support-bot", accountID: account.id)?.settings.confidenceThreshold == 0.8)
            _ = try await store.createProject(Project(key: "sales-bot", name: "Sales bot"), accountID: account.id)
            let first = try await store.projects(accountID: account.id, page: try PageRequest(limit: 1))
            #expect(first.data.map(\.key) == ["sales-bot"] && first.nextCursor != nil)
            let second = try await store.projects(accountID: account.id, page: try PageRequest(limit: 1, cursor: first.nextCursor))
            #expect(second.data.map(\.key) == ["support-bot"])
            #expect(try await store.projects(accountID: other.id, page: try PageRequest()).data.isEmpty)
        }
    }

    @Test("Logs are appended once: repeats are duplicates, a changed record with a known ID is its next version, reads show the newest",
          arguments: TestDatabase.available)
    func appendOnly(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let project = try await store.createProject(Project(key: "bot", name: "Bot"), accountID: account.id)
            let first = try await store.appendLogs(
                [Self.entry("a", at: 100, text: "one"), Self.entry("b", at: 200, text: "two"), Self.entry(nil, at: 300, text: "three"),
                 Self.entry("a", at: 100, text: "one")],
                projectID: project.id, accountID: account.id)
            #expect(first == LogAppendCounts(new: 3, duplicate: 1, newVersion: 0))
            let again = try await store.appendLogs(
                [Self.entry("a", at: 100, text: "one"), Self.entry("b", at: 200, text: "two, corrected"), Self.entry(nil, at: 300, text: "three")],
                projectID: project.id, accountID: account.id)
            #expect(again == LogAppendCounts(new: 0, duplicate: 2, newVersion: 1))
            let page = try await store.logs(projectID: project.id, accountID: account.id, page: try PageRequest())
            #expect(page.data.map(\.entry.responseText) == ["three", "two, corrected", "one"])
            #expect(page.data.map(\.version) == [1, 2, 1])
            #expect(page.data[1].entry.costUSD == Decimal(string: "0.000123"))
            let history = try await store.logVersions("b", projectID: project.id, accountID: account.id)
            #expect(history.map(\.version) == [2, 1] && history.map(\.entry.responseText) == ["two, corrected", "two"])
            #expect(try await store.logVersions(history[1].id, projectID: project.id, accountID: account.id).count == 2)
            #expect(try await store.logVersions("nope", projectID: project.id, accountID: account.id).isEmpty)
            // Another account sees nothing and cannot append to the project.
            let other = try await Fixtures.account(store)
            #expect(try await store.logs(projectID: project.id, accountID: other.id, page: try PageRequest()).data.isEmpty)
            await #expect(throws: DomainError.self) {
                try await store.appendLogs([Self.entry("c", at: 1, text: "x")], projectID: project.id, accountID: other.id)
            }
            let paged = try await store.logs(projectID: project.id, accountID: account.id, page: try PageRequest(limit: 2))
            let rest = try await store.logs(projectID: project.id, accountID: account.id, page: try PageRequest(limit: 2, cursor: paged.nextCursor))
            #expect((paged.data + rest.data).map(\.entry.responseText) == ["three", "two, corrected", "one"])
        }
    }
}
