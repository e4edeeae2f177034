/// What `POST /api/v1/models/{model_id}/predict` answers.
public struct ModelPrediction: Sendable, Codable, Hashable {
    /// The model version that predicted.
    public struct Version: Sendable, Codable, Hashable {
        /// The version's ID.
        public var id: Identifier<RegisteredModel>
        /// The model's name.
        public var name: String
        /// The version number.
        public var version: Int

        /// Creates a version reference.
        public init(id: Identifier<RegisteredModel>, name: String, version: Int) {
            self.id = id
            self.name = name
            self.version = version
        }
    }

    /// The model version.
    public var model: Version
    /// How many rows were predicted.
    public var rows: Int
    /// Every output of the model by name: tensors as nested arrays, class maps as objects.
    public var outputs: [String: JSONValue]
    /// One per row: `label` with `probabilities` (a list, or an object by class), or `value`.
    public var predictions: [JSONValue]
    /// How many rows were logged to the series `model.<name>` for monitors (the server's
    /// `PLEXUS_PREDICTION_LOG_RATE` samples them).
    public var logged: Int?

    /// Creates a prediction.
    public init(model: Version, rows: Int, outputs: [String: JSONValue], predictions: [JSONValue], logged: Int? = nil) {
        self.model = model
        self.rows = rows
        self.outputs = outputs
        self.predictions = predictions
        self.logged = logged
    }
}
