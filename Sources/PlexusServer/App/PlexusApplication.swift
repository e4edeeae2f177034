import Hummingbird
import HummingbirdWebSocket
import Logging
import PlexusCore
import PlexusModels
import PlexusStore

/// Builds the Plexus HTTP application: the one composition function that `plexus serve` and the tests call.
/// `metrics` is what `/metrics` reports (pass the one the store was opened with, so it sees the
/// store's operations too); `onServerRunning` receives the bound port once the server listens (useful with port 0).
public func buildApplication(
    configuration: ServerConfiguration, store: SQLStore, logger: Logger = Logger(label: "plexus.server"),
    sourceValidator: ScorecardSourceValidator = .parser(), metrics: ServerMetrics = ServerMetrics(),
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let broadcaster = Broadcaster(onDrop: { metrics.socketDropped() })
    // One router serves both plain requests and WebSocket upgrades (whose requests pass the same auth).
    let router = buildRouter(configuration: configuration, store: store, broadcaster: broadcaster, sourceValidator: sourceValidator, metrics: metrics)
    return Application(
        router: router,
        server: .plexus(webSocketRouter: router, timeouts: configuration.connectionTimeouts),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "plexus"),
        services: [
            BroadcastService(store: store, broadcaster: broadcaster, metrics: metrics),
            JobRunnerService(
                store: store, settings: JobRunnerSettings(pollInterval: configuration.jobPollInterval, lease: configuration.jobLease, llm: configuration.llm),
                metrics: metrics),
            SchedulerService(store: store, logger: logger, interval: configuration.schedulerInterval),
            WebhookDeliveryService(store: store, logger: logger, interval: configuration.webhookInterval, allowedHosts: configuration.webhookHosts),
        ],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// Builds the router with every route and middleware; exposed so tests can list its routes.
/// `sourceValidator` checks pushed scorecard YAML before it is stored.
public func buildRouter(
    configuration: ServerConfiguration, store: SQLStore, broadcaster: Broadcaster = Broadcaster(),
    sourceValidator: ScorecardSourceValidator = .parser(), metrics: ServerMetrics = ServerMetrics()
) -> Router<PlexusRequestContext> {
    let router = Router(context: PlexusRequestContext.self)
    // Outermost, so it sees the status ErrorMiddleware answers with; CORS headers go on errors too.
    router.add(middleware: RequestObserver(metrics: metrics))
    router.add(middleware: CORSPolicy(origins: configuration.corsOrigins))
    router.add(middleware: ErrorMiddleware())
    HealthRoutes(store: store).register(on: router)
    MetricsRoutes(metrics: metrics, store: store, broadcaster: broadcaster).register(on: router)
    DashboardRoutes(store: store, signInLimiter: RateLimiter(), signInLimit: configuration.signInLimit).register(on: router)
    let tokens = TokenSigner(store: store)
    // Who is calling, whether they may call now, and whether their key has the route's scope.
    let authenticated = router.group()
        .add(middleware: AuthMiddleware(store: store, tokens: tokens))
        .add(middleware: RateLimitMiddleware(limiter: RateLimiter(), defaultLimit: configuration.rateLimit))
        .add(middleware: ScopeGuard())
    DocsRoutes().register(on: authenticated)
    let body = RequestBody(limit: configuration.maxBodyBytes, timeout: configuration.connectionTimeouts.requestBody)
    let api = authenticated.group("api/v1")
    AccountRoutes(store: store, body: body).register(on: api)
    KeyRoutes(store: store, body: body, tokens: tokens, tokenLifetime: configuration.tokenLifetime).register(on: api)
    ScorecardRoutes(store: store, body: body).register(on: api)
    ScorecardVersionRoutes(store: store, body: body, validator: sourceValidator).register(on: api)
    ModelArtifactRoutes(store: store, body: body).register(on: api)
    ScoredItemRoutes(store: store, body: body).register(on: api)
    ItemRoutes(store: store, body: body).register(on: api)
    LabelRoutes(store: store, body: body).register(on: api)
    ScoreResultRoutes(store: store, body: body).register(on: api)
    EvaluationRoutes(store: store, body: body).register(on: api)
    ComparisonRoutes(store: store).register(on: api)
    DatasetRoutes(
        store: store, upload: DatasetUploadBody(store: store, limit: configuration.maxUploadBytes, idleTimeout: configuration.connectionTimeouts.requestBody)
    ).register(on: api)
    JobRoutes(store: store, body: body, planner: JobPlanner(store: store, registry: .withModels)).register(on: api)
    MonitorRoutes(store: store, body: body, execution: MonitorExecution(store: store)).register(on: api)
    AlertRoutes(store: store).register(on: api)
    ProjectRoutes(store: store, body: body, defaults: configuration.projectDefaults).register(on: api)
    AgentLogRoutes(store: store, limit: configuration.maxUploadBytes).register(on: api)
    ModelRoutes(
        store: store, body: body, upload: ModelUploadBody(limit: min(configuration.maxUploadBytes, ModelUploadBody.largestModel)), runners: ModelRunnerCache(),
        logger: PredictionLogger(store: store, rate: configuration.predictionLogRate), broadcaster: broadcaster, explainSyncRows: configuration.explainSyncRows)
        .register(on: api)
    WebhookRoutes(store: store, body: body, allowedHosts: configuration.webhookHosts).register(on: api)
    GraphQLRoutes(store: store, body: body).register(on: authenticated)
    PerformanceRoutes(store: store, body: body, allowReset: configuration.allowReset).register(on: authenticated)
    LiveRoutes(broadcaster: broadcaster).register(on: api)
    return router
}
