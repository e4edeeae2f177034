import Foundation
import PlexusAgents
import PlexusCore
import PlexusModels
import PlexusScoring
import PlexusStore

/// Everything `plexus serve` can be told, with documented defaults.
///
/// Values come from CLI flags, then the environment, then these defaults; ``resolve(host:port:database:maxBodyBytes:allowReset:environment:)``
/// is the one place that reads the environment.
public struct ServerConfiguration: Sendable {
    /// The address to listen on. Default `127.0.0.1` (this machine only).
    public var host: String
    /// The port to listen on. Default 8080; 0 picks a free port.
    public var port: Int
    /// Where the data lives. Default `./.plexus/plexus.sqlite`.
    public var database: DatabaseLocation
    /// The largest request body accepted, in bytes; larger bodies get 413. Default 32 MiB, enough
    /// for a batch of 10,000 score results with metadata.
    public var maxBodyBytes: Int
    /// The largest dataset file `POST /api/v1/data/upload` accepts, in bytes
    /// (`PLEXUS_MAX_UPLOAD_BYTES`). Default 8 GiB: uploads are streamed, so size costs disk, not memory.
    public var maxUploadBytes: Int = 8 * 1024 * 1024 * 1024
    /// The admin key to create on first start instead of a random one (`PLEXUS_ADMIN_KEY`).
    public var adminKey: String?
    /// Where the first start writes the admin key for the CLI. Default `./.plexus/credentials`.
    public var credentialsPath: String
    /// Whether admin keys may delete their account's pipeline performance records with
    /// `DELETE /api/performance/reset` (`--allow-reset`). Default `false`: the route answers 404.
    public var allowReset: Bool
    /// How long SIGTERM / SIGINT wait for in-flight requests before the process exits anyway. Default 10 s.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// How long a connection may take to send its first request head, sit idle between requests, and
    /// take to send a request body (`PLEXUS_REQUEST_HEAD_TIMEOUT_SECONDS`, `PLEXUS_IDLE_TIMEOUT_SECONDS`,
    /// `PLEXUS_REQUEST_BODY_TIMEOUT_SECONDS`). Defaults 30 s, 60 s and 60 s.
    public var connectionTimeouts = ConnectionTimeouts()
    /// How the server writes its log: `text` lines (the default) or `json` objects, one per line
    /// (`--log-format`, `PLEXUS_LOG_FORMAT`).
    public var logFormat = LogFormat.text
    /// How long the job runner waits between looks for queued jobs when idle. Default 1 s.
    public var jobPollInterval: Duration = .seconds(1)
    /// How often the scheduler looks for monitors whose schedule is due. Default 15 s.
    public var schedulerInterval: Duration = .seconds(15)
    /// How often queued webhook deliveries are looked for. Default 2 s.
    public var webhookInterval: Duration = .seconds(2)
    /// How long a running job stays claimed without a heartbeat before a runner re-queues it. Default 60 s.
    public var jobLease: Duration = .seconds(60)
    /// The LLM provider jobs with `llm` classifiers call (the `PLEXUS_LLM_*` environment; see
    /// ``LLMConfiguration/init(environment:)``), caching responses in `./.plexus/llm-cache` unless told otherwise.
    public var llm = LLMConfiguration()
    /// The request limit of every key whose account sets none (`PLEXUS_RATE_LIMIT_PER_SECOND`,
    /// `PLEXUS_RATE_LIMIT_BURST`). Default 2,000 requests/s with bursts of 5,000: generous, so
    /// `plexus score` at full speed (tens of results per request) never meets it, while a runaway
    /// loop does.
    public var rateLimit = RateLimit(requestsPerSecond: 2_000, burst: 5_000)
    /// Dashboard sign-in attempts per client address: 10 at once, then one every 6 s, so a key
    /// cannot be guessed through the form.
    public var signInLimit = RateLimit(requestsPerSecond: 1.0 / 6, burst: 10)
    /// Origins whose pages may call the API from a browser (`PLEXUS_CORS_ORIGINS`, comma-separated;
    /// `*` for any). Default none: cross-origin requests get no CORS headers.
    public var corsOrigins: [String] = []
    /// The hosts webhooks may be delivered to (`PLEXUS_WEBHOOK_HOSTS`, comma-separated, such as
    /// `hooks.slack.com`). Default none, meaning any host; a list keeps deliveries to known places.
    public var webhookHosts: [String] = []
    /// How long a token from `POST /api/v1/auth/token` lasts unless the request asks for less or
    /// more (`PLEXUS_TOKEN_LIFETIME_SECONDS`). Default 15 minutes.
    public var tokenLifetime: Duration = .seconds(900)
    /// The share of predicted rows logged to the model's series (`model.<name>`) for monitors to
    /// watch, 0–1 (`PLEXUS_PREDICTION_LOG_RATE`). Default 1: every row, up to
    /// ``PredictionLogger/rowsPerRequest`` a request.
    public var predictionLogRate = 1.0
    /// The most rows `POST /api/v1/models/{model_id}/explain` explains while the client waits
    /// (`PLEXUS_EXPLAIN_SYNC_ROWS`, 1–1,000); a request for more becomes an explanation job (202).
    /// Default 1,000.
    public var explainSyncRows = ExplanationRequest.rowLimit
    /// The settings a new agent project starts with: the seed's defaults, changed by
    /// `CONFIDENCE_THRESHOLD`, `JUDGE_DISAGREEMENT_THRESHOLD`, `DEFAULT_REPLAY_SAMPLE_SIZE` and
    /// `EVALUATION_SCHEDULE_CRON`.
    public var projectDefaults = ProjectSettings.builtIn

    /// Creates a configuration; every argument has a default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .defaultSQLite,
        maxBodyBytes: Int = 32 * 1024 * 1024, adminKey: String? = nil, credentialsPath: String = ".plexus/credentials",
        allowReset: Bool = false
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.maxBodyBytes = maxBodyBytes
        self.adminKey = adminKey
        self.credentialsPath = credentialsPath
        self.allowReset = allowReset
    }

    /// Combines flags (given as optionals) with `PLEXUS_DATABASE_URL`, `PLEXUS_HOST`, `PLEXUS_PORT`, `PLEXUS_LOG_FORMAT`,
    /// `PLEXUS_MAX_BODY_BYTES`, `PLEXUS_MAX_UPLOAD_BYTES`, `PLEXUS_SHUTDOWN_GRACE_SECONDS`, `PLEXUS_REQUEST_HEAD_TIMEOUT_SECONDS`,
    /// `PLEXUS_IDLE_TIMEOUT_SECONDS`, `PLEXUS_REQUEST_BODY_TIMEOUT_SECONDS`, `PLEXUS_ADMIN_KEY`, `PLEXUS_RATE_LIMIT_PER_SECOND`,
    /// `PLEXUS_RATE_LIMIT_BURST`, `PLEXUS_CORS_ORIGINS`, `PLEXUS_WEBHOOK_HOSTS`, `PLEXUS_TOKEN_LIFETIME_SECONDS`, `PLEXUS_PREDICTION_LOG_RATE`, `PLEXUS_EXPLAIN_SYNC_ROWS` and the `PLEXUS_LLM_*` variables from
    /// `environment`, then the defaults.
    /// `allowReset` comes only from its flag, so a stray environment variable cannot enable deletion.
    public static func resolve(
        host: String? = nil, port: Int? = nil, database: String? = nil, maxBodyBytes: Int? = nil, allowReset: Bool = false,
        logFormat: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        if let text = logFormat ?? environment["PLEXUS_LOG_FORMAT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let format = LogFormat(rawValue: text.lowercased()) else {
                throw DomainError.invalid(field: "log-format", message: "The log format must be text or json; got '\(text)' (--log-format or PLEXUS_LOG_FORMAT).")
            }
            configuration.logFormat = format
        }
        configuration.host = host ?? environment["PLEXUS_HOST"] ?? configuration.host
        configuration.port = port ?? environment["PLEXUS_PORT"].flatMap(Int.init) ?? configuration.port
        if let database = database ?? environment["PLEXUS_DATABASE_URL"] {
            configuration.database = try DatabaseLocation(parsing: database)
        }
        configuration.maxBodyBytes = maxBodyBytes ?? environment["PLEXUS_MAX_BODY_BYTES"].flatMap(Int.init) ?? configuration.maxBodyBytes
        configuration.maxUploadBytes = environment["PLEXUS_MAX_UPLOAD_BYTES"].flatMap(Int.init) ?? configuration.maxUploadBytes
        configuration.adminKey = environment["PLEXUS_ADMIN_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.allowReset = allowReset
        if let grace = environment["PLEXUS_SHUTDOWN_GRACE_SECONDS"].flatMap(Double.init), grace > 0 {
            configuration.shutdownGracePeriod = .milliseconds(Int64(grace * 1000))
        }
        if let seconds = environment["PLEXUS_REQUEST_HEAD_TIMEOUT_SECONDS"].flatMap(Double.init), seconds > 0 {
            configuration.connectionTimeouts.requestHead = .milliseconds(Int64(seconds * 1000))
        }
        if let seconds = environment["PLEXUS_IDLE_TIMEOUT_SECONDS"].flatMap(Double.init), seconds > 0 {
            configuration.connectionTimeouts.idle = .milliseconds(Int64(seconds * 1000))
        }
        if let seconds = environment["PLEXUS_REQUEST_BODY_TIMEOUT_SECONDS"].flatMap(Double.init), seconds > 0 {
            configuration.connectionTimeouts.requestBody = .milliseconds(Int64(seconds * 1000))
        }
        if let perSecond = environment["PLEXUS_RATE_LIMIT_PER_SECOND"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let value = Double(perSecond) else {
                throw DomainError.invalid(field: "PLEXUS_RATE_LIMIT_PER_SECOND", message: "PLEXUS_RATE_LIMIT_PER_SECOND must be a number; got '\(perSecond)'.")
            }
            configuration.rateLimit.requestsPerSecond = value
        }
        if let burst = environment["PLEXUS_RATE_LIMIT_BURST"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let value = Int(burst) else {
                throw DomainError.invalid(field: "PLEXUS_RATE_LIMIT_BURST", message: "PLEXUS_RATE_LIMIT_BURST must be a whole number; got '\(burst)'.")
            }
            configuration.rateLimit.burst = value
        }
        do {
            try configuration.rateLimit.validate(field: "rateLimit")
        } catch let error as DomainError {
            let variable = error.field == "rateLimit.burst" ? "PLEXUS_RATE_LIMIT_BURST" : "PLEXUS_RATE_LIMIT_PER_SECOND"
            throw DomainError.invalid(field: variable, message: "\(variable): \(error.message)")
        }
        if let origins = environment["PLEXUS_CORS_ORIGINS"] {
            configuration.corsOrigins = origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let hosts = environment["PLEXUS_WEBHOOK_HOSTS"] {
            configuration.webhookHosts = hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
        if let text = environment["PLEXUS_TOKEN_LIFETIME_SECONDS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let seconds = Int(text), TokenSigner.lifetimes.contains(seconds) else {
                throw DomainError.invalid(
                    field: "PLEXUS_TOKEN_LIFETIME_SECONDS",
                    message: "PLEXUS_TOKEN_LIFETIME_SECONDS must be a whole number of seconds from \(TokenSigner.lifetimes.lowerBound) to \(TokenSigner.lifetimes.upperBound); got '\(text)'.")
            }
            configuration.tokenLifetime = .seconds(seconds)
        }
        if let text = environment["PLEXUS_PREDICTION_LOG_RATE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let rate = Double(text), (0 ... 1).contains(rate) else {
                throw DomainError.invalid(field: "PLEXUS_PREDICTION_LOG_RATE", message: "PLEXUS_PREDICTION_LOG_RATE is the share of predictions logged, 0–1 (0 turns logging off); got '\(text)'.")
            }
            configuration.predictionLogRate = rate
        }
        if let text = environment["PLEXUS_EXPLAIN_SYNC_ROWS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let rows = Int(text), (1 ... ExplanationRequest.rowLimit).contains(rows) else {
                throw DomainError.invalid(
                    field: "PLEXUS_EXPLAIN_SYNC_ROWS",
                    message: "PLEXUS_EXPLAIN_SYNC_ROWS is the most rows an explain request answers at once (more become a job), 1–\(ExplanationRequest.rowLimit); got '\(text)'.")
            }
            configuration.explainSyncRows = rows
        }
        configuration.projectDefaults = try ProjectSettings.defaults(environment: environment)
        configuration.llm = LLMConfiguration(environment: environment)
        configuration.llm.cacheDirectory = configuration.llm.cacheDirectory ?? ".plexus/llm-cache"
        return configuration
    }
}
