import Foundation
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("An unreachable PostgreSQL fails fast and clearly")
struct DatabaseUnavailableTests {
    @Test("Reads and writes against a server that is not there fail with databaseUnavailable after the lease timeout, not a hang")
    func unreachable() async throws {
        let listener = try SilentListener()
        let port = listener.port
        listener.close()  // now nothing listens there

        let backend = try PostgresBackend(url: "postgres://postgres@127.0.0.1:\(port)/plexus", leaseTimeout: .milliseconds(500))
        for operation in ["read", "write"] {
            let started = ContinuousClock.now
            let error = await #expect(throws: StoreError.self) {
                if operation == "read" {
                    try await backend.read { db in try await db.raw("SELECT 1").run() }
                } else {
                    try await backend.write { tx in try await tx.sql.raw("SELECT 1").run() }
                }
            }
            guard case .databaseUnavailable = error else { Issue.record("\(operation): \(String(describing: error))"); continue }
            #expect(error?.description.contains("try again") == true)
            // Bounded by the lease timeout, with slack for a busy machine; without it the call waits as long as the outage.
            #expect(ContinuousClock.now - started < .seconds(60), "\(operation) took \(ContinuousClock.now - started)")
        }
        try await backend.close()
    }
}
