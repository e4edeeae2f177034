/// One version of a registered model.
public struct MLflowModelVersion: Sendable, Hashable, Decodable {
    /// The registered model's name.
    public var name: String
    /// The version number, starting at 1.
    public var version: Int
    /// Where the model's files are, e.g. `mlflow-artifacts:/1/<run>/artifacts/model`.
    public var source: String?
    /// The run that produced the model.
    public var runID: String?

    enum CodingKeys: String, CodingKey {
        case name, version, source, runID = "run_id"
    }

    /// Reads `version`, which MLflow sends as a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let text = try container.decode(String.self, forKey: .version)
        guard let number = Int(text) else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: container, debugDescription: "version '\(text)' is not a number")
        }
        version = number
        source = try container.decodeIfPresent(String.self, forKey: .source)
        runID = try container.decodeIfPresent(String.self, forKey: .runID)
    }
}
