import AsyncHTTPClient
import Foundation
import PlexusCore

/// The Swift client of the Plexus REST API: typed calls grouped by resource, score results
/// batched in the background, keys resolved to IDs once and cached, and transient failures
/// retried without creating duplicates.
///
/// ```swift
/// let client = try PlexusClient(baseURL: "http://127.0.0.1:8080", apiKey: key,
///                               context: ClientContext(scorecardKey: "call-qa", scoreKey: "greeting"))
/// try await client.scoreResults.create(value: "Yes", itemID: "call-17", confidence: 0.92)
/// await client.shutdown()  // sends what is still queued
/// ```
///
/// Safe to share between any number of tasks. Call ``shutdown()`` (or use
/// ``withClient(baseURL:apiKey:context:configuration:httpClient:_:)``) when done, so queued work
/// is sent before the process ends.
public final class PlexusClient: Sendable {
    /// Score results: record (queued or at once), update, read and list.
    public let scoreResults: ScoreResultsResource
    /// Scorecards: create, read, list and update.
    public let scorecards: ScorecardsResource
    /// Accounts: read, or create with an admin key.
    public let accounts: AccountsResource
    /// Experiments (evaluations): create, read, and update in the background or at once.
    public let experiments: ExperimentsResource
    /// Items: create in batches and read.
    public let items: ItemsResource
    /// Pipeline performance records (batch upload with timestamps).
    public let performance: PerformanceResource
    /// Trained model artifacts of scores.
    public let models: ModelsResource
    /// Labels, set in bulk.
    public let labels: LabelsResource
    /// Server-side scoring and evaluation jobs.
    public let jobs: JobsResource
    /// The account's API keys, and short-lived tokens made from the client's key.
    public let keys: KeysResource
    /// The account's datasets: uploads, statistics and quality findings.
    public let datasets: DatasetsResource
    /// The account's monitors, their runs and alerts, and series points.
    public let monitors: MonitorsResource
    /// The account's agent projects and their LLM logs.
    public let projects: ProjectsResource
    /// The account's ONNX models: upload, list, read, delete and predict.
    public let registeredModels: RegisteredModelsResource
    /// The defaults calls use when they name no account, scorecard or score.
    public let context: ClientContext
    /// The settings the client was made with.
    public let configuration: ClientConfiguration

    let core: ClientCore
    /// The HTTP client this client made for itself (none was passed in), shut down with it.
    private let ownedHTTPClient: HTTPClient?

    /// Creates a client of the server at `baseURL` (such as `http://127.0.0.1:8080`) that
    /// authenticates with `apiKey`.
    ///
    /// Requests go through `httpClient` when given (it is the caller's to shut down, after this
    /// one); otherwise through an HTTP client of this client's own, set up from `configuration`
    /// (``ClientConfiguration/connectTimeout``, and a refused connection failing at once rather
    /// than being retried inside the HTTP client until the request times out), and shut down by ``shutdown()``.
    /// - Throws: ``PlexusClientError/invalid(field:message:)`` for a URL that is not http(s),
    ///   an empty API key, or a setting out of range.
    public init(
        baseURL: URL, apiKey: String, context: ClientContext = ClientContext(),
        configuration: ClientConfiguration = ClientConfiguration(), httpClient: HTTPClient? = nil
    ) throws {
        guard let scheme = baseURL.scheme?.lowercased(), ["http", "https"].contains(scheme), baseURL.host != nil else {
            throw PlexusClientError.invalid(field: "baseURL", message: "'\(baseURL.absoluteString)' is not an http(s) URL with a host; use e.g. http://127.0.0.1:8080.")
        }
        guard !apiKey.isEmpty else {
            throw PlexusClientError.invalid(field: "apiKey", message: "The API key is empty; pass the key `plexus serve` printed on first start.")
        }
        try configuration.validate()
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        ownedHTTPClient = httpClient == nil ? HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.httpConfiguration(configuration)) : nil
        let transport = APITransport(
            httpClient: httpClient ?? ownedHTTPClient!, baseURL: base, apiKey: apiKey, configuration: configuration, stats: StatsRecorder(), contact: ServerContact())
        core = ClientCore(
            transport: transport,
            resolver: KeyResolver(transport: transport, context: context),
            results: ScoreResultQueue(sender: BatchSender(transport: transport), configuration: configuration),
            updates: EvaluationUpdateQueue(transport: transport),
            metrics: configuration.pipelineMetricsEnabled ? PipelineMetricsRecorder(transport: transport.withTimeout(configuration.pipelineMetricsTimeout)) : nil
        )
        scoreResults = ScoreResultsResource(core: core)
        scorecards = ScorecardsResource(core: core)
        accounts = AccountsResource(core: core)
        experiments = ExperimentsResource(core: core)
        items = ItemsResource(core: core)
        performance = PerformanceResource(core: core)
        models = ModelsResource(core: core)
        labels = LabelsResource(core: core)
        jobs = JobsResource(core: core)
        keys = KeysResource(core: core)
        datasets = DatasetsResource(core: core)
        registeredModels = RegisteredModelsResource(core: core)
        monitors = MonitorsResource(core: core)
        projects = ProjectsResource(core: core)
        self.context = context
        self.configuration = configuration
    }

    /// Creates a client of the server at `baseURL`, given as text.
    public convenience init(
        baseURL: String, apiKey: String, context: ClientContext = ClientContext(),
        configuration: ClientConfiguration = ClientConfiguration(), httpClient: HTTPClient? = nil
    ) throws {
        guard let url = URL(string: baseURL) else {
            throw PlexusClientError.invalid(field: "baseURL", message: "'\(baseURL)' is not a URL; use e.g. http://127.0.0.1:8080.")
        }
        try self.init(baseURL: url, apiKey: apiKey, context: context, configuration: configuration, httpClient: httpClient)
    }

    /// Runs `body` with a new client and shuts the client down afterwards, even when `body` throws.
    public static func withClient<Result: Sendable>(
        baseURL: String, apiKey: String, context: ClientContext = ClientContext(),
        configuration: ClientConfiguration = ClientConfiguration(), httpClient: HTTPClient? = nil,
        _ body: (PlexusClient) async throws -> Result
    ) async throws -> Result {
        let client = try PlexusClient(baseURL: baseURL, apiKey: apiKey, context: context, configuration: configuration, httpClient: httpClient)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// What the client has done in the background so far.
    public var stats: ClientStats {
        get async {
            var stats = await core.stats.snapshot
            // Records dropped before queueing are counted on the caller's side, without waiting.
            stats.pipelineMetricsFailed += core.metrics?.dropped ?? 0
            return stats
        }
    }

    /// The ID of the context's account, resolved from its key on first use and then cached.
    public func accountID() async throws -> Identifier<Account> {
        guard let key = context.accountKey else {
            throw PlexusClientError.missingContext("No account key given: set ClientContext.accountKey when creating the client.")
        }
        return try await core.resolver.account(key).id
    }

    /// The ID of the scorecard `key` (default: the context's), resolved on first use and then cached.
    public func scorecardID(key: String? = nil) async throws -> Identifier<Scorecard> {
        try await core.resolver.scorecard(key).id
    }

    /// The ID of score `key` in scorecard `scorecardKey` (defaults: the context's), resolved on
    /// first use and then cached.
    public func scoreID(key: String? = nil, scorecardKey: String? = nil) async throws -> Identifier<Score> {
        try await core.resolver.score(key, in: scorecardKey).1.id
    }

    /// The scorecard and score a call naming `scoreKey` in `scorecardKey` would use, defaulting
    /// to the scorecard's first score when neither the call nor the context names one.
    func resolveScore(_ scoreKey: String?, in scorecardKey: String?) async throws -> (Scorecard, Score) {
        try await core.resolver.score(scoreKey, in: scorecardKey, defaultingToFirst: true)
    }

    /// Sends every queued score result, evaluation update and pipeline metric, and returns when
    /// the server has answered for all of them. Failures are logged and counted in ``stats``, not thrown.
    public func flush() async {
        await core.results.flush()
        await core.updates.flush()
        await core.metrics?.flush()
    }

    /// Sends every queued score result and evaluation update, as ``flush()`` does, but waits at most
    /// `limit`, even when the caller has been cancelled (an interrupted command still sends what it
    /// has). Returns `true` when everything was sent or given up on in time; ``stats`` then says how
    /// many results are still ``ClientStats/pending``.
    public func flush(within limit: Duration) async -> Bool {
        await BoundedWait.run(limit) { [self] in await flush() }
    }

    /// Sends everything still queued, then stops the background work. Calls that would queue
    /// work afterwards throw ``PlexusClientError/shutDown``. Calling it again does nothing.
    public func shutdown() async {
        await core.results.close()
        await core.updates.close()
        await core.metrics?.close()
        // A second shutdown finds the HTTP client already shut down, which is fine.
        try? await ownedHTTPClient?.shutdown()
    }

    deinit {
        // A client dropped without shutdown() still releases its HTTP client's connections.
        _ = ownedHTTPClient?.shutdown()
    }

    /// The settings of the HTTP client a ``PlexusClient`` makes for itself.
    private static func httpConfiguration(_ configuration: ClientConfiguration) -> HTTPClient.Configuration {
        var http = HTTPClient.Configuration()
        http.timeout = .init(connect: .nanoseconds(configuration.connectTimeout.nanoseconds))
        // Retrying inside the HTTP client would hide a refused connection until the request times
        // out; the client's own retry policy retries it instead, with backoff that it logs.
        http.connectionPool.retryConnectionEstablishment = false
        return http
    }
}
