import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Synchronization
import Testing

@Suite("Stored IDs")
struct IdentifierStoreTests {
    @Test("New IDs are unique version-7 UUIDs that sort by creation time", arguments: TestDatabase.available)
    func timeOrdered(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let first = try await store.createScoreResults((0..<5000).map { Fixtures.result(item: "a\($0)") }, accountID: account.id).ids
            try await Task.sleep(for: .milliseconds(3))
            let second = try await store.createScoreResults([Fixtures.result(item: "b")], accountID: account.id).ids
            let all = (first + second).map(\.rawValue)
            #expect(Set(all).count == all.count)
            let pattern = #/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/#
            #expect(all.allSatisfy { $0.wholeMatch(of: pattern) != nil })
            #expect(first.allSatisfy { $0.rawValue < second[0].rawValue })
        }
    }

    @Test("An injected environment gives deterministic IDs and times")
    func injected() async throws {
        let counter = IDCounter()
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        let environment = StoreEnvironment(now: { fixed }, newIDs: { count in (0..<count).map { _ in counter.next() } })
        try await TestDatabase.sqlite.withStore(environment: environment) { store in
            let account = try await store.createAccount(key: "fixed", name: "Fixed")
            #expect(account.id.rawValue == "id-1" && account.createdAt == fixed)
        }
    }
}

/// Hands out id-1, id-2, … from any task.
final class IDCounter: Sendable {
    private let value = Mutex(0)

    func next() -> String {
        value.withLock { count in
            count += 1
            return "id-\(count)"
        }
    }
}

