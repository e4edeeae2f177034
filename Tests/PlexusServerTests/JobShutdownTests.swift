import Foundation
import Logging
import PlexusCore
import PlexusScoring
import PlexusServer
import PlexusStore
import PlexusTestSupport
import ServiceLifecycle
import Testing

@Suite("Job runner shutdown and resume")
struct JobShutdownTests {
    /// `type: slow` answers `Yes` after a pause, so a job is still running when the runner is stopped.
    struct SlowKind: ClassifierKind {
        let type = "slow"
        func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] { [] }
        func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
            SlowClassifier()
        }
    }

    struct SlowClassifier: Classifier {
        func classify(_ input: ClassifierInput) async throws -> Classification {
            try await Task.sleep(for: .milliseconds(15))
            return Classification(value: "Yes")
        }
    }

    static let source = """
        key: slow-card
        name: Slow
        sections:
          - name: Only
            scores:
              - {key: greeting, name: Greeting, classes: ["Yes", "No"], classifier: {type: slow}}
        """

    static let itemCount = 40

    private func runner(_ store: SQLStore) -> JobRunnerService {
        var logger = Logger(label: "test.jobs")
        logger.logLevel = .error
        let settings = JobRunnerSettings(pollInterval: .milliseconds(10), concurrency: 1, batchSize: 2, registry: ClassifierRegistry([SlowKind()]))
        return JobRunnerService(store: store, settings: settings, logger: logger)
    }

    /// Runs the job runner until `stop` says so, then shuts it down gracefully.
    private func runUntil(_ store: SQLStore, _ stop: @Sendable @escaping () async throws -> Bool) async throws {
        var logger = Logger(label: "test.group")
        logger.logLevel = .error
        let group = ServiceGroup(configuration: .init(services: [runner(store)], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(90)
            while try await !stop(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("Stopping the runner mid-job re-queues it; the next runner finishes only what was left", arguments: TestDatabase.available)
    func stopAndResume(database: TestDatabase) async throws {
        try await database.withStore { store in
            let account = try await store.createAccount(key: "acct", name: "Acct")
            let draft = try ScorecardParser(registry: ClassifierRegistry([SlowKind()])).parse(Self.source, file: "slow").draft
            _ = try await store.pushScorecardVersion(source: Self.source, draft: draft, accountID: account.id)
            _ = try await store.createItems((1...Self.itemCount).map { ItemDraft(externalId: "item-\($0)", text: "Agent: hello") }, accountID: account.id)
            let job = try await store.createJob(kind: .scoring, parameters: JobParameters(scorecard: "slow-card", version: 1, items: .all), accountID: account.id)
            @Sendable func reading() async throws -> Job { try #require(try await store.job(job.id.rawValue, accountID: account.id)) }

            try await runUntil(store) { try await reading().progress.resultsStored >= 6 }
            let stopped = try await reading()
            let storedBefore = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: try PageRequest(limit: 1000)).data.count
            #expect(stopped.status == .queued && stopped.completedAt == nil)
            #expect(storedBefore >= 6 && storedBefore < Self.itemCount)

            try await runUntil(store) { try await reading().status.isFinal }
            let finished = try await reading()
            #expect(finished.status == .completed && finished.attempts == 2)
            #expect(finished.progress.itemsResumed == storedBefore && finished.progress.itemsScored == Self.itemCount - storedBefore)
            let storedAfter = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: try PageRequest(limit: 1000)).data.count
            #expect(storedAfter == Self.itemCount)
        }
    }
}
