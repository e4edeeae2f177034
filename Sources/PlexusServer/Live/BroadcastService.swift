import PlexusCore
import PlexusStore
import ServiceLifecycle

/// The background service that turns the store's committed changes into live events: evaluation
/// updates at once, new score results summed per scorecard and sent at most every `resultInterval`.
struct BroadcastService: Service {
    let store: SQLStore
    let broadcaster: Broadcaster
    var resultInterval: Duration = .milliseconds(500)

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await forwardChanges() }
            group.addTask { try await flushResultsPeriodically() }
            try await group.next()
            group.cancelAll()
        }
        // Open sockets would otherwise hold graceful shutdown open until their clients leave.
        await broadcaster.disconnectAll()
    }

    private func forwardChanges() async {
        for await change in store.changes.cancelOnGracefulShutdown() {
            switch change {
            case .evaluationUpdated(let evaluation):
                await broadcaster.publish(.evaluationUpdated(evaluation), accountID: evaluation.accountId,
                                          topic: LiveTopic(kind: .evaluation, id: evaluation.id.rawValue))
            case .scoreResultsCreated(let accountID, let scorecardID, let count):
                await broadcaster.addResults(accountID: accountID, scorecardID: scorecardID, count: count)
            case .performanceRecorded(let accountID, let count):
                await broadcaster.publish(.performanceUpdated(count: count), accountID: accountID, topic: LiveTopic(kind: .performance, id: nil))
            }
        }
    }

    private func flushResultsPeriodically() async throws {
        while !Task.isCancelledOrShuttingDown {
            try await Task.sleep(for: resultInterval)
            await broadcaster.flushResults()
        }
    }
}

private extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { isCancelled || isShuttingDownGracefully }
}
