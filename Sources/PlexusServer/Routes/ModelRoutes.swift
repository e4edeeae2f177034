import Foundation
import Hummingbird
import PlexusCore
import PlexusModels
import PlexusStore

/// `/api/v1/models`: upload an ONNX model (checked before it is kept; the same name again makes
/// the next version), list, read, delete, predict, explain, and rank features by permutation importance. A model is named by its ID, by
/// `name@version`, or by `name` (the newest version). Explanations are stored unless the request
/// says `"store": false`, and read back by model or by ID.
struct ModelRoutes {
    let store: SQLStore
    let body: RequestBody
    let upload: ModelUploadBody
    let runners: ModelRunnerCache
    let logger: PredictionLogger
    /// Tells model subscribers of the live socket about logged predictions (stored explanations
    /// reach them as store changes, from requests and jobs alike).
    let broadcaster: Broadcaster
    /// The most rows an explain request answers at once; more become an explanation job.
    let explainSyncRows: Int

    /// What a queued explain request answers (202).
    struct QueuedExplanation: Encodable {
        let jobId: String
        let explanationId: String
        let status = "queued"
        let rows: Int
    }

    /// What `DELETE /api/v1/models/{model_id}` answers.
    struct Deleted: Encodable {
        let deleted: [RegisteredModel]
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("models/upload") { request, context in
            let accountID = try context.requirePrincipal().accountID
            let received = try await upload.read(request)
            let model = try ONNXModel(bytes: received.file)
            // Preparing it checks every node's attributes and the graph, so a model that cannot run is refused now.
            _ = try ModelRunner(model)
            let name = (received.name ?? received.fileName.map(Self.defaultName) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200, !name.contains("@") else {
                throw APIError.badParameter("name", "Name the model (name=churn): 1–200 characters, without '@' (which names a version).")
            }
            if let features = received.features {
                guard model.inputs.count == 1, let width = model.inputs[0].shape?.last, case let .fixed(columns) = width, columns == features.count else {
                    let inputs = model.inputs.map { input in "\(input.name) [" + (input.shape ?? []).map(\.description).joined(separator: ", ") + "]" }
                    throw APIError.badParameter(
                        "features", "features names the columns of a single matrix input; the model's inputs are \(inputs.joined(separator: ", ")), and \(features.count) names were given.")
                }
            }
            let registered = try await store.registerModel(
                model.registration(name: name, description: received.description, features: received.features), file: received.file, accountID: accountID)
            return JSONResponse.make(registered, status: .created)
        }
        group.get("models") { request, context in
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.registeredModels(accountID: try context.requirePrincipal().accountID, page: page))
        }
        group.get("models/:model_id") { _, context in
            JSONResponse.make(try await model(context))
        }
        group.delete("models/:model_id") { _, context in
            let reference = try Self.reference(context)
            let deleted = try await store.deleteRegisteredModel(reference, accountID: try context.requirePrincipal().accountID)
            guard !deleted.isEmpty else { throw APIError.notFound("model", reference) }
            return JSONResponse.make(Deleted(deleted: deleted))
        }
        group.post("models/:model_id/predict") { request, context in
            let (registered, runner) = try await prepared(context)
            let input = try await body.decode(JSONValue.self, from: request)
            let (inputs, rows) = try PredictionRequest.inputs(from: input, model: runner.model, features: registered.features)
            let outputs = try runner.run(inputs)
            let (encoded, predictions) = PredictionResponse.json(outputs, model: runner.model, rows: rows)
            let accountID = try context.requirePrincipal().accountID
            let logged = try await logger.log(model: registered, accountID: accountID, inputs: inputs, rowCount: rows, predictions: predictions.arrayValue ?? [])
            let version = ModelPrediction.Version(id: registered.id, name: registered.name, version: registered.version)
            if logged > 0 {
                await broadcaster.addPredictions(accountID: accountID, model: version, count: logged, predictions: Array((predictions.arrayValue ?? []).prefix(Broadcaster.predictionSample)))
            }
            return JSONResponse.make(ModelPrediction(
                model: version, rows: rows,
                outputs: encoded.objectValue ?? [:], predictions: predictions.arrayValue ?? [], logged: logged))
        }
        group.post("models/:model_id/explain") { request, context in
            let (registered, runner) = try await prepared(context)
            let input = try await body.decode(JSONValue.self, from: request)
            let keep: Bool
            switch input["store"] {
            case nil: keep = true
            case let .bool(value)?: keep = value
            default: throw APIError.badParameter("store", "store is true (the default: the explanation is kept for the dashboard and GET /api/v1/explanations/{id}) or false.")
            }
            let explanationRequest = try ExplanationRequest(input, model: runner.model, features: registered.features, rowLimit: ExplanationRequest.jobRowLimit)
            let accountID = try context.requirePrincipal().accountID
            if explanationRequest.rows.rows > explainSyncRows {
                try explanationRequest.check()
                guard keep else {
                    throw APIError.badParameter("store", "More than \(explainSyncRows) rows are explained by a job, whose explanation is stored for GET /api/v1/explanations/{id}; leave store out, or send fewer rows.")
                }
                let job = try await store.createJob(kind: .explanation, parameters: JobParameters(modelId: registered.id.rawValue), input: input, accountID: accountID)
                var response = JSONResponse.make(
                    QueuedExplanation(jobId: job.id.rawValue, explanationId: job.id.rawValue, rows: explanationRequest.rows.rows), status: .accepted)
                response.headers[.location] = "/api/v1/jobs/\(job.id.rawValue)"
                return response
            }
            let (explanation, settings) = try explanationRequest.explain()
            let explainer = explanationRequest.explainer
            let features = registered.features ?? (0 ..< explainer.featureCount).map { "\(explainer.inputName)[\($0)]" }
            let answer = ModelExplanation(
                explanation, of: explanationRequest.rows, model: .init(id: registered.id, name: registered.name, version: registered.version),
                method: explanationRequest.method, settings: settings, features: features)
            guard keep else { return JSONResponse.make(answer) }
            return JSONResponse.make(try await store.storeExplanation(answer, accountID: accountID))
        }
        group.post("models/:model_id/importance") { request, context in
            let (registered, runner) = try await prepared(context)
            let input = try await body.decode(JSONValue.self, from: request)
            let importanceRequest = try PermutationImportanceRequest(input, model: runner.model, features: registered.features)
            let result = try importanceRequest.compute()
            let importance = importanceRequest.importance
            return JSONResponse.make(ModelImportance(
                model: .init(id: registered.id, name: registered.name, version: registered.version), scoring: importanceRequest.scoring.rawValue,
                baseline: result.baseline, features: registered.features ?? (0 ..< importance.featureCount).map { "\(importance.inputName)[\($0)]" },
                importancesMean: result.means, importancesStd: result.standardDeviations, importances: result.importances,
                rows: importanceRequest.rows.rows, repeats: importanceRequest.repeats, seed: Int(importanceRequest.seed)))
        }
        group.get("models/:model_id/explanations") { request, context in
            let page = try QueryParameters(request: request).page()
            let registered = try await model(context)
            return JSONResponse.make(try await store.explanations(of: registered.id, accountID: try context.requirePrincipal().accountID, page: page))
        }
        group.get("explanations/:explanation_id") { _, context in
            let id = try context.parameters.require("explanation_id")
            guard let explanation = try await store.explanation(id, accountID: try context.requirePrincipal().accountID) else {
                throw APIError.notFound("explanation", id)
            }
            return JSONResponse.make(explanation)
        }
    }

    /// The model named in the path, and its prepared runner.
    private func prepared(_ context: PlexusRequestContext) async throws -> (RegisteredModel, ModelRunner) {
        let accountID = try context.requirePrincipal().accountID
        let registered = try await model(context)
        let runner = try await runners.runner(for: registered.id) {
            guard let file = try await store.registeredModelFile(registered.id, accountID: accountID) else { throw APIError.notFound("model", registered.id.rawValue) }
            return file
        }
        return (registered, runner)
    }

    /// The `{model_id}` segment, decoded: clients encode the `@` of `name@version` as `%40`.
    private static func reference(_ context: PlexusRequestContext) throws -> String {
        let segment = try context.parameters.require("model_id")
        return segment.removingPercentEncoding ?? segment
    }

    private func model(_ context: PlexusRequestContext) async throws -> RegisteredModel {
        let reference = try Self.reference(context)
        guard let model = try await store.registeredModel(reference, accountID: try context.requirePrincipal().accountID) else {
            throw APIError.notFound("model", reference)
        }
        return model
    }

    /// A file's name without its `.onnx` extension.
    private static func defaultName(_ fileName: String) -> String {
        fileName.hasSuffix(".onnx") ? String(fileName.dropLast(5)) : fileName
    }
}
