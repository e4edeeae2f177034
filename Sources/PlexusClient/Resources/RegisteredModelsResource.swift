import Foundation
import PlexusCore

/// The account's ONNX models (`/api/v1/models`): upload a version, list, read, delete, predict,
/// explain.
/// A model is named by its ID, by `name@version`, or by `name` (the newest version).
public struct RegisteredModelsResource: Sendable {
    let core: ClientCore

    /// Uploads the `.onnx` file at `file` as the next version of `name` (default: the file's name);
    /// `features` names the columns of a single matrix input. `progress` hears the bytes sent.
    public func upload(
        file: URL, name: String? = nil, description: String? = nil, features: [String]? = nil,
        progress: @escaping @Sendable (_ sent: Int64, _ total: Int64) -> Void = { _, _ in }
    ) async throws -> RegisteredModel {
        var query: [(name: String, value: String)] = [("name", name ?? file.deletingPathExtension().lastPathComponent)]
        if let description { query.append(("description", description)) }
        if let features { query.append(("features", features.joined(separator: ","))) }
        let data = try await core.transport.upload(file: file, path: ["models", "upload"], query: query, contentType: "application/octet-stream", progress: progress)
        do {
            return try PlexusJSON.decoder().decode(RegisteredModel.self, from: data)
        } catch {
            throw PlexusClientError.decoding(type: "RegisteredModel", message: String(describing: error))
        }
    }

    /// One page of the account's model versions, newest first.
    public func list(limit: Int? = nil, cursor: String? = nil) async throws -> Page<RegisteredModel> {
        try await core.transport.send(.get("models", query: ScorecardsResource.paging(limit: limit, cursor: cursor)))
    }

    /// The model version `reference` names.
    public func get(_ reference: String) async throws -> RegisteredModel {
        try await core.transport.send(.get("models", reference, subject: ("model", reference)))
    }

    /// Deletes the version `reference` names (every version, when it is a bare name).
    public func delete(_ reference: String) async throws -> [RegisteredModel] {
        struct Deleted: Decodable { let deleted: [RegisteredModel] }
        return try await core.transport.send(.delete("models", reference, subject: ("model", reference)), as: Deleted.self).deleted
    }

    /// Predicts `rows` (objects of named features) with the model `reference` names.
    public func predict(_ reference: String, rows: [[String: JSONValue]]) async throws -> ModelPrediction {
        struct Body: Encodable { let rows: [[String: JSONValue]] }
        return try await core.transport.send(try .post("models", reference, "predict", body: Body(rows: rows), retryable: true))
    }

    /// Explains `rows` (objects of named features) with `method` (`tree_shap`, `kernel_shap` or
    /// `lime`) against `background` rows, for the model `reference` names. `options` carries the
    /// method's settings: `featurePerturbation` (tree_shap), `nsamples` and `seed` (kernel_shap),
    /// `numSamples` (lime). The server keeps the explanation (its `id` reads it back) unless `store`
    /// is false; only an explanation that is not stored is retried after a lost connection, so a
    /// retry never stores it twice. More rows than the server explains at once (its
    /// `PLEXUS_EXPLAIN_SYNC_ROWS`) become an explanation job on the server: this waits for it,
    /// polling every `interval`, and returns the stored explanation.
    /// - Throws: ``PlexusClientError/jobFailed(id:message:)`` when the explanation job fails.
    public func explain(
        _ reference: String, rows: [[String: JSONValue]], background: [[String: JSONValue]], method: String = "tree_shap",
        options: [String: JSONValue] = [:], store: Bool = true, interval: Duration = .milliseconds(500)
    ) async throws -> ModelExplanation {
        var body = options
        body["method"] = .string(method)
        body["rows"] = .array(rows.map(JSONValue.object))
        body["background"] = ["rows": .array(background.map(JSONValue.object))]
        body["store"] = .bool(store)
        let answer: ExplainAnswer = try await core.transport.send(try .post("models", reference, "explain", body: JSONValue.object(body), retryable: !store))
        switch answer {
        case let .explained(explanation):
            return explanation
        case let .queued(jobID):
            let job = try await JobsResource(core: core).wait(for: Identifier(jobID), interval: interval)
            guard job.status == .completed else { throw PlexusClientError.jobFailed(id: jobID, message: job.error ?? "the explanation job failed") }
            return try await explanation(jobID)
        }
    }

    /// What the explain route answers: the explanation, or (202) the job that will store it.
    private enum ExplainAnswer: Decodable {
        case explained(ModelExplanation)
        case queued(jobID: String)

        private enum CodingKeys: String, CodingKey { case jobId }

        init(from decoder: any Decoder) throws {
            if let jobID = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .jobId) {
                self = .queued(jobID: jobID)
            } else {
                self = .explained(try ModelExplanation(from: decoder))
            }
        }
    }

    /// scikit-learn's permutation importance of each feature for the model `reference` names:
    /// `rows` (objects of named features) with their true `targets`, scored by `scoring` (the
    /// server's default when nil: accuracy for classifiers, r2 for regressors), each column
    /// shuffled `repeats` times with shuffles drawn from `seed`.
    public func importance(
        _ reference: String, rows: [[String: JSONValue]], targets: [JSONValue], scoring: String? = nil, repeats: Int = 5, seed: Int = 0
    ) async throws -> ModelImportance {
        var body: [String: JSONValue] = [
            "rows": .array(rows.map(JSONValue.object)), "targets": .array(targets), "nRepeats": .number(Double(repeats)), "seed": .number(Double(seed)),
        ]
        if let scoring { body["scoring"] = .string(scoring) }
        return try await core.transport.send(try .post("models", reference, "importance", body: JSONValue.object(body), retryable: true))
    }

    /// One page of the stored explanations of the model version `reference` names, newest first.
    public func explanations(of reference: String, limit: Int? = nil, cursor: String? = nil) async throws -> Page<ModelExplanationSummary> {
        try await core.transport.send(.get("models", reference, "explanations", query: ScorecardsResource.paging(limit: limit, cursor: cursor), subject: ("model", reference)))
    }

    /// The stored explanation `id`, rows and all.
    public func explanation(_ id: String) async throws -> ModelExplanation {
        try await core.transport.send(.get("explanations", id, subject: ("explanation", id)))
    }
}
