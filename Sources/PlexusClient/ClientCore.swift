/// The parts of a ``PlexusClient`` that its resource namespaces share.
struct ClientCore: Sendable {
    let transport: APITransport
    let resolver: KeyResolver
    let results: ScoreResultQueue
    let updates: EvaluationUpdateQueue

    var context: ClientContext { resolver.context }
    var stats: StatsRecorder { transport.stats }
}
