import AsyncHTTPClient
import Foundation

/// A client of one MLflow tracking server's REST API (`/api/2.0/mlflow/…`): experiments, runs,
/// batched logging, artifacts through the server's `mlflow-artifacts` proxy, and the model registry.
///
/// ```swift
/// let mlflow = try MLflowClient(trackingURI: "http://127.0.0.1:5000")
/// let experimentID = try await mlflow.experimentID(named: "call-qa", createIfMissing: true)
/// ```
public struct MLflowClient: Sendable {
    /// The server's base URL, without a trailing slash.
    public let trackingURI: String
    let transport: MLflowTransport

    /// A client of the server at `trackingURI` (`http://` or `https://`), sending through
    /// `httpClient`, with `timeout` per request. Throws ``MLflowError/invalidTrackingURI(_:)``.
    public init(trackingURI: String, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(30)) throws(MLflowError) {
        var base = trackingURI.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty, url.query == nil
        else { throw .invalidTrackingURI(trackingURI) }
        guard timeout > .zero else { throw .invalid(field: "timeout", message: "The timeout must be positive; got \(timeout).") }
        self.trackingURI = base
        transport = MLflowTransport(httpClient: httpClient, baseURL: base, timeout: timeout)
    }

    /// The experiment named `name`, or `nil` when there is none.
    public func experiment(named name: String) async throws(MLflowError) -> MLflowExperiment? {
        do {
            return try await transport.get("experiments/get-by-name", query: [("experiment_name", name)], as: ExperimentAnswer.self).experiment
        } catch where error.errorCode == "RESOURCE_DOES_NOT_EXIST" {
            return nil
        }
    }

    /// Creates the experiment `name` and returns its ID; fails with `RESOURCE_ALREADY_EXISTS` if it
    /// exists. `artifactLocation` overrides where its runs store artifacts (the server's default
    /// otherwise, normally `mlflow-artifacts:/<id>`).
    public func createExperiment(named name: String, artifactLocation: String? = nil) async throws(MLflowError) -> String {
        var body = ["name": name]
        body["artifact_location"] = artifactLocation
        return try await transport.post("experiments/create", body: body, as: CreatedExperiment.self).experimentID
    }

    /// The ID of the experiment `name`, created first when missing and `createIfMissing` is set.
    public func experimentID(named name: String, createIfMissing: Bool) async throws(MLflowError) -> String {
        if let existing = try await experiment(named: name) { return existing.experimentID }
        guard createIfMissing else {
            throw .server(endpoint: "experiments/get-by-name", status: 404, errorCode: "RESOURCE_DOES_NOT_EXIST", message: "No experiment is named '\(name)'; create it or pass createIfMissing: true.")
        }
        do {
            return try await createExperiment(named: name)
        } catch where error.errorCode == "RESOURCE_ALREADY_EXISTS" {
            // Another client created it between our two calls.
            guard let created = try await experiment(named: name) else { throw error }
            return created.experimentID
        }
    }

    /// Starts a run in `experimentID` named `runName`, with `tags`, started at `startTime`.
    public func createRun(experimentID: String, runName: String, tags: [String: String] = [:], startTime: Date = Date()) async throws(MLflowError) -> MLflowRunInfo {
        let body = CreateRun(
            experimentID: experimentID, runName: runName, startTime: Self.milliseconds(startTime),
            tags: tags.sorted { $0.key < $1.key }.map { MLflowKeyValue(key: $0.key, value: $0.value) }
        )
        return try await transport.post("runs/create", body: body, as: RunAnswer.self).run.info
    }

    /// Sets the run's `status` and, when given, its `endTime`.
    public func updateRun(runID: String, status: MLflowRunStatus, endTime: Date? = nil) async throws(MLflowError) {
        let body = UpdateRun(runID: runID, status: status, endTime: endTime.map(Self.milliseconds))
        _ = try await transport.post("runs/update", body: body, as: Empty.self)
    }

    /// The run `runID` with the latest value of each metric, its params and tags.
    public func run(id runID: String) async throws(MLflowError) -> MLflowRun {
        let answer = try await transport.get("runs/get", query: [("run_id", runID)], as: RunAnswer.self).run
        return MLflowRun(
            info: answer.info,
            metrics: Dictionary(answer.data?.metrics?.map { ($0.key, $0) } ?? [], uniquingKeysWith: { $1 }),
            params: Dictionary(answer.data?.params?.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { $1 }),
            tags: Dictionary(answer.data?.tags?.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { $1 })
        )
    }

    /// `date` in whole milliseconds since 1970, MLflow's time unit.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
