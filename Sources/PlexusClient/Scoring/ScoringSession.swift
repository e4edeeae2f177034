import PlexusCore
import PlexusScoring

/// A stored scorecard version, parsed and ready to run: what `plexus score`, `evaluate` and
/// `train` start from.
public struct ScoringSession: Sendable {
    /// The client results go to.
    public let client: PlexusClient
    /// The scorecard as defined in its stored YAML.
    public let definition: ScorecardDefinition
    /// The stored version number.
    public let version: Int
    /// What classifiers are built with.
    public let context: ClassifierContext

    /// Fetches version `version` (the newest when `nil`) of scorecard `key` and parses it;
    /// `llm` is the client `llm` classifiers use, if any.
    public static func open(client: PlexusClient, scorecard key: String, version: Int? = nil, llm: ChatCompletionsClient? = nil) async throws -> ScoringSession {
        let stored = try await client.scorecards.version(key, version: version)
        let definition = try ScorecardParser().parse(stored.source, file: "\(stored.scorecardKey) v\(stored.version)")
        let context = ClassifierContext(scorecardKey: stored.scorecardKey, models: RemoteModelArtifacts(client: client), llm: llm)
        return ScoringSession(client: client, definition: definition, version: stored.version, context: context)
    }

    /// Builds the classifiers of `scores` (all when `nil`) and what they depend on.
    public func runner(scores: [String]? = nil) async throws -> ScorecardRunner {
        try await ScorecardRunner(definition: definition, version: version, scores: scores, context: context)
    }

    /// Scores every item of the file at `path`, storing items and results on the server. Items this
    /// version already scored are skipped, so an interrupted run continues where it stopped.
    public func score(
        file path: String, scores: [String]? = nil, concurrency: Int = 8, events: @escaping @Sendable (ScoringEvent) -> Void = { _ in }
    ) async throws -> ScoringProgress {
        let file = try ItemFile(path: path)
        let runner = try await runner(scores: scores)
        let sink = RemoteScoringSink(client: client, scorecardKey: definition.key, version: version, scoreKeys: runner.scoreKeys)
        return try await BatchScorer(runner: runner, concurrency: concurrency).run(file, into: sink, events: events)
    }
}
