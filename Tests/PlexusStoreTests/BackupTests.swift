import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Online backups of the SQLite database")
struct BackupTests {
    @Test("A backup taken while batches are being written holds every batch committed before it, whole, and passes the integrity check")
    func backupDuringWrites() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let account = try await Fixtures.account(store)
            _ = try await store.createScorecard(Fixtures.scorecardDraft(), accountID: account.id)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("copy.sqlite").path

            let batch = 200
            let (committedBefore, report) = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    for number in 0..<20 {
                        let drafts = (0..<batch).map { Fixtures.result(item: "item-\(number)-\($0)", key: "key-\(number)-\($0)") }
                        _ = try await store.createScoreResults(drafts, accountID: account.id)
                    }
                    return 0
                }
                try await Task.sleep(for: .milliseconds(50))
                let before = try await Self.count(store, account)
                let report = try await store.backup(to: path)
                try await group.waitForAll()
                return (before, report)
            }
            #expect(report.bytes > 0 && report.schemaVersion >= 8)

            let copy = try await SQLStore.open(.sqlite(path: path))
            let copied = try await Self.count(copy, account)
            try await copy.close()
            // Whole batches only, and at least those committed before the backup began.
            #expect(copied % batch == 0 && copied >= committedBefore && copied <= 20 * batch, "\(copied) copied, \(committedBefore) before")
            #expect(try await Self.count(store, account) == 20 * batch)

            await #expect(throws: StoreError.self) { _ = try await store.backup(to: path) }
        }
    }

    @Test("PostgreSQL stores refuse, pointing to pg_dump", .enabled(if: TestDatabase.postgresURL != nil))
    func postgresRefuses() async throws {
        try await TestDatabase.postgres.withStore { store in
            let error = await #expect(throws: StoreError.self) { _ = try await store.backup(to: "/tmp/plexus-never-\(UUID().uuidString).sqlite") }
            #expect(error?.description.contains("pg_dump") == true)
        }
    }

    private static func count(_ store: SQLStore, _ account: Account) async throws -> Int {
        var total = 0
        var page = try PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let batch = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: page)
            total += batch.data.count
            guard let cursor = batch.nextCursor else { return total }
            page = try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)
        }
    }
}
