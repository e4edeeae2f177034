/// The parts of a ``PlexusClient`` that its resource namespaces share.
struct ClientCore: Sendable {
    let transport: APITransport
    let resolver: KeyResolver
    let results: ScoreResultQueue
    let updates: EvaluationUpdateQueue
    /// The pipeline metrics recorder; `nil` when ``ClientConfiguration/pipelineMetricsEnabled`` is off.
    let metrics: PipelineMetricsRecorder?

    var context: ClientContext { resolver.context }
    var stats: StatsRecorder { transport.stats }
}

extension ClientCore {
    /// Counts one more entry in `counter` of the stats and runs `add`, which puts it on a
    /// background queue; takes the count back when `add` throws or the queue has been closed
    /// (``PlexusClientError/shutDown``). Counting first keeps `pending` from going below zero
    /// while the entry is sent.
    func enqueue(counting counter: WritableKeyPath<ClientStats, Int> & Sendable, _ add: () async throws -> Bool) async throws {
        await stats.record { $0[keyPath: counter] += 1 }
        let queued: Bool
        do {
            queued = try await add()
        } catch {
            await stats.record { $0[keyPath: counter] -= 1 }
            throw error
        }
        guard queued else {
            await stats.record { $0[keyPath: counter] -= 1 }
            throw PlexusClientError.shutDown
        }
    }
}
