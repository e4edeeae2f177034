import Foundation
import Logging

/// Logs a whole ``MLflowRunLog`` as one MLflow run: finds or creates the experiment, creates the
/// run with its tags, logs params and metrics in batches, uploads the artifacts (or, when the
/// server cannot take files, stores them as `plexus.artifact.<path>` tags), and marks the run
/// finished, or failed when a step after its creation fails.
public struct MLflowLogger: Sendable {
    /// The client calls go through.
    public let client: MLflowClient
    /// The limits batches and fallback tags are cut to.
    public var limits: MLflowLimits
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// A logger over `client`; `now` is the clock for start, end and metric times.
    public init(
        client: MLflowClient, limits: MLflowLimits = .standard,
        logger: Logger = Logger(label: "plexus.mlflow"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.limits = limits
        self.logger = logger
        self.now = now
    }

    /// Logs `log` and returns the run's IDs, its URL, whether artifacts went up as files, and
    /// notes on anything split, truncated or stored as a tag.
    public func log(_ log: MLflowRunLog) async throws(MLflowError) -> LoggedRun {
        let experimentID = try await client.experimentID(named: log.experimentName, createIfMissing: true)
        let run = try await client.createRun(experimentID: experimentID, runName: log.runName, startTime: now())
        do {
            // Tags go through log-batch rather than runs/create so that the limits apply to them too.
            var notes = try await client.logBatch(
                runID: run.runID, params: Self.pairs(log.params), metrics: log.metrics, tags: Self.pairs(log.tags), now: now(), limits: limits
            ).notes
            let uploaded = try await storeArtifacts(log.artifacts, run: run, notes: &notes)
            try await client.updateRun(runID: run.runID, status: .finished, endTime: now())
            for note in notes {
                logger.notice("MLflow run adjusted", metadata: ["run_id": "\(run.runID)", "note": "\(note)"])
            }
            let url = "\(client.trackingURI)/#/experiments/\(experimentID)/runs/\(run.runID)"
            return LoggedRun(experimentID: experimentID, runID: run.runID, artifactsUploaded: uploaded, url: url, notes: notes)
        } catch {
            // Leave no run looking as if it were still being logged to.
            try? await client.updateRun(runID: run.runID, status: .failed, endTime: now())
            throw error
        }
    }

    /// Registers the run's artifacts at `artifactPath` as a new version of the model `name`
    /// (created when missing) and returns the version number.
    public func registerModel(name: String, runID: String, artifactPath: String) async throws(MLflowError) -> Int {
        let run = try await client.run(id: runID).info
        try await client.ensureRegisteredModel(named: name)
        return try await client.createModelVersion(name: name, run: run, artifactPath: artifactPath).version
    }

    private static func pairs(_ values: [String: String]) -> [MLflowKeyValue] {
        values.sorted { $0.key < $1.key }.map { MLflowKeyValue(key: $0.key, value: $0.value) }
    }

    /// Uploads each artifact; once the server turns out not to take files, stores every artifact
    /// as a fallback tag instead. Returns whether the artifacts went up as files.
    private func storeArtifacts(_ artifacts: [MLflowArtifact], run: MLflowRunInfo, notes: inout [String]) async throws(MLflowError) -> Bool {
        do {
            for artifact in artifacts {
                try await client.uploadArtifact(run: run, path: artifact.path, data: artifact.data)
            }
            return true
        } catch let .artifactsUnsupported(_, reason) {
            notes.append("Artifacts are stored as '\(MLflowArtifactTag.keyPrefix)<path>' tags because \(reason).")
            let tags = artifacts.map { MLflowArtifactTag(artifact: $0, maxLength: limits.tagValueLength) }
            notes += tags.compactMap(\.note)
            notes += try await client.logBatch(runID: run.runID, tags: tags.map(\.tag), now: now(), limits: limits).notes
            return false
        }
    }
}
