/// The body of `POST /api/v1/scorecards/{idOrKey}/scores/{scoreKey}/models`.
public struct ModelArtifactInput: Sendable, Codable, Hashable {
    /// The training algorithm, e.g. `logistic-regression`.
    public var algorithm: String
    /// The model as JSON text, stored verbatim.
    public var artifact: String
    /// What the trainer measured; an object when given.
    public var metrics: JSONValue?

    /// Creates an input.
    public init(algorithm: String, artifact: String, metrics: JSONValue? = nil) {
        self.algorithm = algorithm
        self.artifact = artifact
        self.metrics = metrics
    }

    /// Checks that the algorithm is named, the artifact is not empty and the metrics are an object.
    public func validate() throws {
        try Validate.nonBlank(algorithm, field: "algorithm")
        try Validate.nonBlank(artifact, field: "artifact")
        if let metrics, metrics.objectValue == nil {
            throw DomainError.invalid(field: "metrics", message: "metrics must be a JSON object such as {\"accuracy\": 0.91}.")
        }
    }
}
