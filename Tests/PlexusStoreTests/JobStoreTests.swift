import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Synchronization
import Testing

@Suite("Background jobs in the store")
struct JobStoreTests {
    private func parameters(_ scorecard: String = "call-qa") -> JobParameters {
        JobParameters(scorecard: scorecard, version: 1, scores: ["greeting"], items: .listed(["call-1", "call-2"]))
    }

    @Test("A created job is QUEUED and reads back with its parameters", arguments: TestDatabase.available)
    func createAndRead(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let created = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            #expect(created.status == .queued && created.attempts == 0 && created.startedAt == nil)
            let read = try #require(try await store.job(created.id.rawValue, accountID: account.id))
            #expect(read == created)
        }
    }

    @Test("Another account can neither read nor list a job", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let owner = try await Fixtures.account(store)
            let other = try await Fixtures.account(store)
            let job = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: owner.id)
            #expect(try await store.job(job.id.rawValue, accountID: other.id) == nil)
            #expect(try await store.jobs(accountID: other.id, page: .first).data.isEmpty)
            #expect(try await store.jobs(accountID: owner.id, page: .first).data.map(\.id) == [job.id])
        }
    }

    @Test("Jobs are listed newest first, a page at a time", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            var ids: [Identifier<Job>] = []
            for index in 0..<3 {
                ids.append(try await store.createJob(kind: .evaluation, parameters: parameters("card-\(index)"), accountID: account.id).id)
            }
            let first = try await store.jobs(accountID: account.id, page: try PageRequest(limit: 2))
            let second = try await store.jobs(accountID: account.id, page: try PageRequest(limit: 2, cursor: first.nextCursor))
            #expect((first.data + second.data).map(\.id) == ids.reversed())
            #expect(second.nextCursor == nil)
        }
    }

    @Test("Claiming takes the oldest queued job once, marks it running and counts the attempt", arguments: TestDatabase.available)
    func claimOldest(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let older = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            let newer = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            let first = try #require(try await store.claimNextJob())
            #expect(first.id == older.id && first.status == .running && first.attempts == 1 && first.startedAt != nil)
            #expect(try await store.claimNextJob()?.id == newer.id)
            #expect(try await store.claimNextJob() == nil)
        }
    }

    @Test("Concurrent claims never hand out the same job twice", arguments: TestDatabase.available)
    func concurrentClaims(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            for _ in 0..<6 { _ = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id) }
            let claimed = try await withThrowingTaskGroup(of: [Identifier<Job>].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [Identifier<Job>] = []
                        while let job = try await store.claimNextJob() { mine.append(job.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: [Identifier<Job>]()) { $0 += $1 }
            }
            #expect(claimed.count == 6 && Set(claimed).count == 6)
        }
    }

    @Test("Progress and evaluations are recorded; finishing sets the status, error and completion time", arguments: TestDatabase.available)
    func progressAndFinish(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let job = try await store.createJob(kind: .evaluation, parameters: parameters(), accountID: account.id)
            let progress = JobProgress(totalItems: 10, itemsScored: 4, resultsStored: 4, cost: 0.25)
            try await store.updateJobProgress(job.id, accountID: account.id, progress: progress, evaluationIds: [Identifier("ev-1")])
            try await store.finishJob(job.id, accountID: account.id, progress: nil, error: "boom")
            let failed = try #require(try await store.job(job.id.rawValue, accountID: account.id))
            #expect(failed.status == .failed && failed.error == "boom" && failed.completedAt != nil)
            #expect(failed.progress == progress && failed.evaluationIds == [Identifier("ev-1")])
            let done = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            try await store.finishJob(done.id, accountID: account.id, progress: JobProgress(itemsScored: 2))
            let completed = try #require(try await store.job(done.id.rawValue, accountID: account.id))
            #expect(completed.status == .completed && completed.error == nil && completed.progress.itemsScored == 2)
        }
    }

    @Test("A stopping runner's job goes back to the queue at once, and is claimed again", arguments: TestDatabase.available)
    func requeueOne(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let job = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            _ = try await store.claimNextJob()
            #expect(try await store.requeueJob(job.id))
            #expect(try await store.requeueJob(job.id) == false)
            #expect(try await store.job(job.id.rawValue, accountID: account.id)?.status == .queued)
            let again = try #require(try await store.claimNextJob())
            #expect(again.id == job.id && again.attempts == 2)
        }
    }

    @Test("A running job whose lease ran out goes back to the queue; one with a fresh heartbeat stays", arguments: TestDatabase.available)
    func abandoned(database: TestDatabase) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let environment = StoreEnvironment(now: { clock.now }, newIDs: StoreEnvironment.system.newIDs)
        try await database.withStore(environment: environment) { store in
            let account = try await Fixtures.account(store)
            let dead = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            let alive = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            _ = try await store.claimNextJob()
            _ = try await store.claimNextJob()
            clock.advance(by: 50)
            try await store.heartbeatJob(alive.id)
            clock.advance(by: 20)
            #expect(try await store.requeueAbandonedJobs(lease: .seconds(60)) == 1)
            #expect(try await store.job(dead.id.rawValue, accountID: account.id)?.status == .queued)
            #expect(try await store.job(alive.id.rawValue, accountID: account.id)?.status == .running)
        }
    }

    @Test("A runner whose lease lapsed and whose job was claimed again can no longer write to it", arguments: TestDatabase.available)
    func fencing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await Fixtures.account(store)
            let job = try await store.createJob(kind: .scoring, parameters: parameters(), accountID: account.id)
            let first = try #require(try await store.claimNextJob())
            #expect(try await store.requeueAbandonedJobs(lease: .zero) == 1)
            let second = try #require(try await store.claimNextJob())
            #expect(first.attempts == 1 && second.attempts == 2)
            #expect(try await store.heartbeatJob(job.id, attempt: first.attempts) == false)
            try await store.updateJobProgress(job.id, accountID: account.id, progress: JobProgress(itemsScored: 99), attempt: first.attempts)
            #expect(try await store.finishJob(job.id, accountID: account.id, progress: nil, attempt: first.attempts) == false)
            #expect(try await store.requeueJob(job.id, attempt: first.attempts) == false)
            let untouched = try #require(try await store.job(job.id.rawValue, accountID: account.id))
            #expect(untouched.status == .running && untouched.progress.itemsScored == 0)
            #expect(try await store.heartbeatJob(job.id, attempt: second.attempts))
            #expect(try await store.finishJob(job.id, accountID: account.id, progress: JobProgress(itemsScored: 3), attempt: second.attempts))
            #expect(try await store.job(job.id.rawValue, accountID: account.id)?.status == .completed)
        }
    }
}

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}
