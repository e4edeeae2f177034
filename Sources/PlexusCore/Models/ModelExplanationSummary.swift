import Foundation

/// A stored explanation as `GET /api/v1/models/{model_id}/explanations` lists it: what was
/// explained, how, and how well the values add up, without the rows.
public struct ModelExplanationSummary: Sendable, Codable, Hashable {
    /// The stored explanation's ID, for `GET /api/v1/explanations/{explanation_id}`.
    public var id: Identifier<ModelExplanation>
    /// The model version explained.
    public var model: ModelPrediction.Version
    /// `tree_shap`, `kernel_shap` or `lime`.
    public var method: String
    /// The settings that produced the values.
    public var parameters: [String: JSONValue]
    /// The feature names.
    public var features: [String]
    /// The explained outputs.
    public var outputs: [ModelExplanation.Output]
    /// How many rows were explained.
    public var rowCount: Int
    /// The largest additivity error of any row.
    public var largestAdditivityError: Double
    /// When it was stored.
    public var createdAt: Date

    /// Creates a summary.
    public init(id: Identifier<ModelExplanation>, model: ModelPrediction.Version, method: String, parameters: [String: JSONValue], features: [String],
                outputs: [ModelExplanation.Output], rowCount: Int, largestAdditivityError: Double, createdAt: Date) {
        self.id = id
        self.model = model
        self.method = method
        self.parameters = parameters
        self.features = features
        self.outputs = outputs
        self.rowCount = rowCount
        self.largestAdditivityError = largestAdditivityError
        self.createdAt = createdAt
    }
}
