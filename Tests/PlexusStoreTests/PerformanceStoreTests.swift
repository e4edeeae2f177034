import Foundation
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("Pipeline performance records and aggregates")
struct PerformanceStoreTests {
    /// A store on a fresh database with the clock of ``PerformanceFixtures``, an account, and the fixture records.
    private func withRecords(
        _ database: TestDatabase, _ body: (SQLStore, Account) async throws -> Void
    ) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            try await store.recordPerformance(PerformanceFixtures.records, accountID: account.id)
            try await body(store, account)
        }
    }

    private func close(_ actual: Double?, _ expected: Double?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual, let expected else {
            #expect(actual == expected, sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) < 1e-9, "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
    }

    @Test("The summary counts each processing type, its rates and the time saved", arguments: TestDatabase.available)
    func summary(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let summary = try await store.performanceSummary(accountID: account.id, window: .lastDay)
            #expect(summary.totalProcessed == 8 && summary.qualityBypassed == 2 && summary.earlyExits == 4 && summary.fullProcessing == 2)
            close(summary.bypassRate, 0.25)
            close(summary.earlyExitRate, 0.5)
            // Mean of 80, 50, 75, 100 and 20.
            close(summary.avgTimeSavings, 65)
            // 2·80/20 + 1·50/50 + 3·75/25 + 4·20/80 = 8 + 1 + 9 + 1 seconds; the 100 % record is left out.
            close(summary.totalTimeSavedHours, 19.0 / 3600)
        }
    }

    @Test("Content types report count, bypass rate and means, most records first", arguments: TestDatabase.available)
    func contentTypes(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let groups = try await store.contentTypePerformance(accountID: account.id, window: .lastDay)
            #expect(groups.map(\.contentType) == ["transcript", "email", nil])
            #expect(groups.map(\.count) == [4, 3, 1])
            close(groups[0].bypassRate, 0.25)
            close(groups[0].avgQualityScore, 0.7)
            close(groups[0].avgProcessingTime, 7)
            close(groups[1].bypassRate, 1.0 / 3)
            close(groups[1].avgQualityScore, 0.7)
            close(groups[1].avgProcessingTime, 5.0 / 3)
            close(groups[2].bypassRate, 0)
            #expect(groups[2].avgQualityScore == nil && groups[2].avgProcessingTime == nil)
        }
    }

    @Test("Checkpoints report early exits, their share, top reasons and mean confidence", arguments: TestDatabase.available)
    func checkpoints(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let checkpoints = try await store.checkpointPerformance(accountID: account.id, window: .lastDay)
            #expect(checkpoints.map(\.checkpointName) == ["pre_check", "post_summary"])
            #expect(checkpoints.map(\.exitCount) == [3, 1])
            close(checkpoints[0].exitRate, 0.75)
            close(checkpoints[1].exitRate, 0.25)
            #expect(checkpoints[0].topExitReasons == [ExitReasonCount(reason: "short", count: 2), ExitReasonCount(reason: "duplicate", count: 1)])
            #expect(checkpoints[1].topExitReasons == [ExitReasonCount(reason: "confident", count: 1)])
            close(checkpoints[0].avgConfidence, 0.8)
            close(checkpoints[1].avgConfidence, 0.95)
        }
    }

    @Test("Only the five most frequent reasons are listed, ties by reason", arguments: TestDatabase.available)
    func topFiveReasons(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            let reasons = ["alpha", "alpha", "alpha", "bravo", "bravo", "foxtrot", "echo", "delta", "charlie"]
            try await store.recordPerformance(reasons.map {
                PerformanceRecordDraft(processingType: .earlyExit, exitCheckpoint: "many", exitReason: $0)
            }, accountID: account.id)
            let checkpoint = try #require(try await store.checkpointPerformance(accountID: account.id, window: .lastDay).first)
            #expect(checkpoint.exitCount == 9 && checkpoint.exitRate == 1 && checkpoint.avgConfidence == nil)
            #expect(checkpoint.topExitReasons.map(\.reason) == ["alpha", "bravo", "charlie", "delta", "echo"])
            #expect(checkpoint.topExitReasons.map(\.count) == [3, 2, 1, 1, 1])
        }
    }

    @Test("Quality trends give one bucket per clock hour with its means", arguments: TestDatabase.available)
    func qualityTrends(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let buckets = try await store.qualityTrends(accountID: account.id, window: .lastDay)
            #expect(buckets.map(\.timestamp) == ["2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z", "2026-11-23T12:00:00Z"].map(PerformanceFixtures.date))
            #expect(buckets.map(\.itemsProcessed) == [2, 2, 4])
            close(buckets[0].avgQualityScore, 0.8)
            close(buckets[0].coherenceScore, 0.7)
            close(buckets[0].completenessScore, 0.9)
            close(buckets[0].informativenessScore, 0.7)
            close(buckets[1].avgQualityScore, 0.55)
            #expect(buckets[1].coherenceScore == nil && buckets[1].completenessScore == nil && buckets[1].informativenessScore == nil)
            close(buckets[2].avgQualityScore, 0.8)
        }
    }

    @Test("The window leaves out records older than its hours", arguments: TestDatabase.available)
    func window(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let twoDays = try await store.performanceOverview(accountID: account.id, window: PerformanceFixtures.window(48))
            #expect(twoDays.hours == 48 && twoDays.overallMetrics.totalProcessed == 9 && twoDays.overallMetrics.fullProcessing == 3)
            #expect(twoDays.qualityTrends.first?.timestamp == PerformanceFixtures.date("2026-11-22T12:00:00Z"))
            #expect(twoDays.contentTypeBreakdown.first?.count == 5)
            // The last hour starts at 11:30: the 11:10 record is out, the 11:40 one in.
            let lastHour = try await store.performanceOverview(accountID: account.id, window: PerformanceFixtures.window(1))
            #expect(lastHour.overallMetrics.totalProcessed == 5 && lastHour.overallMetrics.qualityBypassed == 1)
            #expect(lastHour.qualityTrends.map(\.itemsProcessed) == [1, 4])
            let day = try await store.performanceOverview(accountID: account.id, window: .lastDay)
            #expect(day.overallMetrics == (try await store.performanceSummary(accountID: account.id, window: .lastDay)))
            #expect(day.checkpointAnalytics == (try await store.checkpointPerformance(accountID: account.id, window: .lastDay)))
        }
    }

    @Test("A record without a timestamp is stamped with the store's clock", arguments: TestDatabase.available)
    func defaultTimestamp(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            try await store.recordPerformance([PerformanceRecordDraft(processingType: .full, qualityScore: 0.4)], accountID: account.id)
            let buckets = try await store.qualityTrends(accountID: account.id, window: PerformanceFixtures.window(1))
            #expect(buckets.map(\.timestamp) == [PerformanceFixtures.date("2026-11-23T12:00:00Z")])
        }
    }

    @Test("An empty window gives zeros and empty lists, never NaN", arguments: TestDatabase.available)
    func empty(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            let overview = try await store.performanceOverview(accountID: account.id, window: .lastDay)
            let zero = PerformanceSummary(totalProcessed: 0, qualityBypassed: 0, earlyExits: 0, fullProcessing: 0, meanTimeSavedPct: nil, secondsSaved: nil)
            #expect(overview.overallMetrics == zero)
            #expect(zero.bypassRate == 0 && zero.earlyExitRate == 0 && zero.avgTimeSavings == 0 && zero.totalTimeSavedHours == 0)
            #expect(overview.contentTypeBreakdown.isEmpty && overview.checkpointAnalytics.isEmpty && overview.qualityTrends.isEmpty)
        }
    }

    @Test("An invalid record rejects the whole batch and names its field", arguments: TestDatabase.available)
    func invalidBatch(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            var records = Array(PerformanceFixtures.records.prefix(5))
            records[3].qualityScore = 1.5
            await #expect(throws: DomainError.invalid(field: "records[3].quality_score", message: "Must be a number between 0 and 1; got 1.5.")) {
                try await store.recordPerformance(records, accountID: account.id)
            }
            records[3].qualityScore = nil
            records[2].timestamp = PerformanceFixtures.now.addingTimeInterval(301)
            await #expect(throws: DomainError.self) { try await store.recordPerformance(records, accountID: account.id) }
            records[2].timestamp = PerformanceFixtures.now.addingTimeInterval(299)
            records[4].timeSavedPct = 120
            await #expect(throws: DomainError.self) { try await store.recordPerformance(records, accountID: account.id) }
            await #expect(throws: DomainError.self) { try await store.recordPerformance([], accountID: account.id) }
            let tooMany = Array(repeating: PerformanceRecordDraft(processingType: .full), count: SQLStore.maximumPerformanceBatch + 1)
            await #expect(throws: DomainError.self) { try await store.recordPerformance(tooMany, accountID: account.id) }
            #expect(try await store.performanceSummary(accountID: account.id, window: .lastDay).totalProcessed == 0)
        }
    }

    @Test("A full batch of 10,000 records is stored in one go", arguments: TestDatabase.available)
    func largeBatch(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            let records = (0..<SQLStore.maximumPerformanceBatch).map { index in
                PerformanceRecordDraft(processingType: index.isMultiple(of: 4) ? .lightweight : .full, contentType: "c\(index % 3)", qualityScore: 0.5)
            }
            #expect(try await store.recordPerformance(records, accountID: account.id) == 10_000)
            let summary = try await store.performanceSummary(accountID: account.id, window: .lastDay)
            #expect(summary.totalProcessed == 10_000 && summary.qualityBypassed == 2_500)
        }
    }

    @Test("Another account's records are invisible and survive a reset", arguments: TestDatabase.available)
    func isolationAndReset(database: TestDatabase) async throws {
        try await withRecords(database) { store, account in
            let other = try await Fixtures.account(store)
            #expect(try await store.performanceOverview(accountID: other.id, window: PerformanceFixtures.window(48)).overallMetrics.totalProcessed == 0)
            try await store.recordPerformance([PerformanceRecordDraft(processingType: .full)], accountID: other.id)
            #expect(try await store.resetPerformance(accountID: other.id) == 1)
            #expect(try await store.performanceSummary(accountID: account.id, window: PerformanceFixtures.window(48)).totalProcessed == 9)
            #expect(try await store.resetPerformance(accountID: account.id) == 9)
            #expect(try await store.performanceSummary(accountID: account.id, window: PerformanceFixtures.window(48)).totalProcessed == 0)
        }
    }

    @Test("Stored records are announced on the change stream", arguments: TestDatabase.available)
    func announced(database: TestDatabase) async throws {
        try await database.withStore(environment: PerformanceFixtures.environment) { store in
            let account = try await Fixtures.account(store)
            try await store.recordPerformance(Array(PerformanceFixtures.records.prefix(3)), accountID: account.id)
            var changes = store.changes.makeAsyncIterator()
            #expect(await changes.next() == .performanceRecorded(accountID: account.id, count: 3))
        }
    }
}
