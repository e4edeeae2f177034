import PlexusCore
import PlexusModels
import PlexusStore

/// Explanation jobs: an explain request for more rows than are answered at once, queued by
/// `POST /api/v1/models/{model_id}/explain`; the explanation is stored under the job's ID.
extension JobExecutor {
    /// Explains the job's request (its input document) with the model version it names and
    /// stores the explanation. An attempt after one that stored it (its runner died before
    /// finishing the job) finds it stored and does nothing more.
    func explain(_ job: Job) async throws -> JobProgress {
        guard let modelID = job.parameters.modelId else { throw JobRunError.incompleteParameters(kind: job.kind, missing: "modelId") }
        guard let request = try await store.jobInput(job.id, accountID: job.accountId) else {
            throw JobRunError.incompleteParameters(kind: job.kind, missing: "the explain request (the job's input)")
        }
        if let stored = try await store.explanation(job.id.rawValue, accountID: job.accountId) {
            return JobProgress(totalItems: stored.rows.count, itemsResumed: stored.rows.count)
        }
        guard let registered = try await store.registeredModel(modelID, accountID: job.accountId),
              let file = try await store.registeredModelFile(registered.id, accountID: job.accountId)
        else { throw JobRunError.modelMissing(modelID) }
        let model = try ONNXModel(bytes: file)
        let explanationRequest = try ExplanationRequest(request, model: model, features: registered.features, rowLimit: ExplanationRequest.jobRowLimit)
        let (explanation, settings) = try explanationRequest.explain()
        let explainer = explanationRequest.explainer
        var answer = ModelExplanation(
            explanation, of: explanationRequest.rows, model: .init(id: registered.id, name: registered.name, version: registered.version),
            method: explanationRequest.method, settings: settings,
            features: registered.features ?? (0 ..< explainer.featureCount).map { "\(explainer.inputName)[\($0)]" })
        answer.id = Identifier(job.id.rawValue)
        let stored = try await store.storeExplanation(answer, accountID: job.accountId)
        logger.info("Explained \(stored.rows.count) rows of \(registered.name)@\(registered.version) with \(stored.method) as \(job.id).")
        return JobProgress(totalItems: stored.rows.count, itemsScored: stored.rows.count)
    }
}
