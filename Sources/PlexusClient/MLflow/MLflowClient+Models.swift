extension MLflowClient {
    /// Creates the registered model `name` unless it already exists.
    public func ensureRegisteredModel(named name: String) async throws(MLflowError) {
        do {
            _ = try await transport.post("registered-models/create", body: ["name": name], as: RegisteredModelAnswer.self)
        } catch where error.errorCode == "RESOURCE_ALREADY_EXISTS" {
            return
        }
    }

    /// Adds a version of the registered model `name` whose files are the run's artifacts at
    /// `artifactPath` (source `<run artifact URI>/<artifactPath>`), linked to the run.
    public func createModelVersion(name: String, run: MLflowRunInfo, artifactPath: String) async throws(MLflowError) -> MLflowModelVersion {
        let path = artifactPath.split(separator: "/").joined(separator: "/")
        let source = path.isEmpty ? run.artifactURI : "\(run.artifactURI)/\(path)"
        let body = CreateModelVersion(name: name, source: source, runID: run.runID)
        return try await transport.post("model-versions/create", body: body, as: ModelVersionAnswer.self).modelVersion
    }
}
