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
