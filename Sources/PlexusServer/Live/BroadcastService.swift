import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStore
import ServiceLifecycle

/// The background service that reads the store's committed changes (it is their one reader) and
/// turns them into live events, evaluation updates at once and new score results summed per
/// scorecard and sent at most every `resultInterval`, and into ingest counters for `/metrics`.
struct BroadcastService: Service {
    let store: SQLStore
    let broadcaster: Broadcaster
    let metrics: ServerMetrics
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
            metrics.record(change)
            switch change {
            case .evaluationUpdated(let evaluation):
                await broadcaster.publish(.evaluationUpdated(evaluation), accountID: evaluation.accountId,
                                          topic: LiveTopic(kind: .evaluation, id: evaluation.id.rawValue))
            case .scoreResultsCreated(let accountID, let scorecardID, let count):
                await broadcaster.addResults(accountID: accountID, scorecardID: scorecardID, count: count)
            case .performanceRecorded(let accountID, let count):
                await broadcaster.publish(.performanceUpdated(count: count), accountID: accountID, topic: LiveTopic(kind: .performance, id: nil))
            case .alertChanged(let accountID, let event):
                await broadcaster.publish(.alert(event), accountID: accountID, topic: LiveTopic(kind: .alerts, id: nil))
                await publishModelAlert(event, accountID: accountID)
            case .explanationStored(let accountID, let summary):
                await broadcaster.publish(.explanationCompleted(summary), accountID: accountID, model: summary.model)
            case .itemsCreated:
                break
            }
        }
    }

    /// Sends an alert to the model's subscribers too when its monitor watches a model: a series
    /// source on its predictions (`model.<name>`), or an explanation source naming it.
    private func publishModelAlert(_ event: AlertEvent, accountID: Identifier<Account>) async {
        guard let monitor = try? await store.monitor(event.alert.monitorId.rawValue, accountID: accountID) else { return }
        let source = monitor.definition.source
        let name: String
        switch (source.kind, source.settings["series"], source.settings["model"]) {
        case let (SeriesMonitorSource.kind, .string(series)?, _) where series.hasPrefix("model."):
            name = String(series.dropFirst("model.".count))
        case let (ExplanationMonitorSource.kind, _, .string(reference)?):
            guard let model = try? await store.registeredModel(reference, accountID: accountID) else { return }
            name = model.name
        default:
            return
        }
        await broadcaster.publish(.modelAlert(model: name, event), accountID: accountID, topic: LiveTopic(kind: .model, id: name))
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
