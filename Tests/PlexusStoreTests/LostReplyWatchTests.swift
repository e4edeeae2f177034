import Foundation
@testable import PlexusStore
import Synchronization
import Testing

/// The watch that releases work waiting on a reply the PostgreSQL driver dropped (see
/// `LostReplyWatch`): it must pass results and errors through untouched, leave slow work on an
/// open connection alone, and give up only once the connection has been closed for the grace.
@Suite("Giving up on replies a closed connection will never deliver")
struct LostReplyWatchTests {
    private struct Refused: Error, Equatable {}

    @Test("A value or an error of the work comes back as it is")
    func passesThrough() async throws {
        let value = try await LostReplyWatch.run(isClosed: { false }, grace: .milliseconds(50), poll: .milliseconds(10)) { 42 }
        #expect(value == 42)
        await #expect(throws: Refused.self) {
            try await LostReplyWatch<Int>.run(isClosed: { false }, grace: .milliseconds(50), poll: .milliseconds(10)) { throw Refused() }
        }
    }

    @Test("Slow work on an open connection is left to finish")
    func slowWorkOnOpenConnection() async throws {
        let value = try await LostReplyWatch.run(isClosed: { false }, grace: .milliseconds(20), poll: .milliseconds(5)) {
            try await Task.sleep(for: .milliseconds(300))
            return "done"
        }
        #expect(value == "done")
    }

    @Test("Work still waiting after its connection closed gets database_unavailable")
    func givesUpAfterClose() async throws {
        let closed = Atomic(false)
        let caller = Task {
            try await LostReplyWatch<Int>.run(isClosed: { closed.load(ordering: .relaxed) }, grace: .milliseconds(50), poll: .milliseconds(10)) {
                try await Task.sleep(for: .seconds(3600))  // a reply that never comes
                return 0
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        closed.store(true, ordering: .relaxed)
        do {
            _ = try await caller.value
            Issue.record("the work returned instead of being given up")
        } catch StoreError.databaseUnavailable(let detail) {
            #expect(detail.contains("closed"))
        }
    }

    @Test("Cancelling the caller cancels the work")
    func cancellation() async throws {
        let cancelled = Atomic(false)
        let caller = Task {
            try await LostReplyWatch<Int>.run(isClosed: { false }, grace: .seconds(60), poll: .seconds(60)) {
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.store(true, ordering: .relaxed)
                    throw error
                }
                return 0
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        let workSawCancellation = cancelled.load(ordering: .relaxed)
        #expect(workSawCancellation)
    }
}
