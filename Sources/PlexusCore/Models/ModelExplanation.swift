import Foundation

/// What `POST /api/v1/models/{model_id}/explain` answers: each row's feature attributions for
/// each explained output, with the base values they start from and the additivity check.
public struct ModelExplanation: Sendable, Codable, Hashable {
    /// One explained output: a class (its probability or margin) or a regression target.
    public struct Output: Sendable, Codable, Hashable {
        /// The class label, or `value`.
        public var name: String
        /// `probability`, `log_odds`, `margin` or `value`.
        public var space: String

        /// Creates an output description.
        public init(name: String, space: String) {
            self.name = name
            self.space = space
        }
    }

    /// One row's attributions.
    public struct Row: Sendable, Codable, Hashable {
        /// The model's value of each output for the row, in the explained space.
        public var outputs: [Double]
        /// `values[output][feature]`: how much each feature moved each output from its base value.
        public var values: [[Double]]
        /// |base value + Σ values − output|, the largest over the outputs (lime: |intercept + Σ weights − output|).
        public var additivityError: Double
        /// `standardErrors[output][feature]` when the values were estimated from sampled
        /// coalitions (kernel_shap); absent when they are exact.
        public var standardErrors: [[Double]]?
        /// lime: each output's surrogate intercept.
        public var intercepts: [Double]?
        /// lime: each output's surrogate weighted R².
        public var scores: [Double]?
        /// lime: the bin each feature of the row falls in, such as `age <= 41.00`.
        public var conditions: [String]?
        /// The row's value of each feature, as explained (null where it was missing), for the
        /// waterfall, beeswarm and dependence charts.
        public var features: [Double?]?

        /// Creates a row.
        public init(outputs: [Double], values: [[Double]], additivityError: Double, standardErrors: [[Double]]? = nil,
                    intercepts: [Double]? = nil, scores: [Double]? = nil, conditions: [String]? = nil, features: [Double?]? = nil) {
            self.outputs = outputs
            self.values = values
            self.additivityError = additivityError
            self.standardErrors = standardErrors
            self.intercepts = intercepts
            self.scores = scores
            self.conditions = conditions
            self.features = features
        }
    }

    /// The stored explanation's ID; absent when the request asked not to store it (`"store": false`).
    public var id: Identifier<ModelExplanation>?
    /// When it was stored.
    public var createdAt: Date?

    /// The model version explained.
    public var model: ModelPrediction.Version
    /// `tree_shap`, `kernel_shap` or `lime`.
    public var method: String
    /// The settings that produced the values (`featurePerturbation`, `backgroundRows`, …), so a
    /// stored explanation can be reproduced.
    public var parameters: [String: JSONValue]
    /// The feature names, in the order of every row's values.
    public var features: [String]
    /// The explained outputs, in the order of `baseValues` and every row's values.
    public var outputs: [Output]
    /// Each output's expected value over the background.
    public var baseValues: [Double]
    /// One per explained row, in the order sent.
    public var rows: [Row]
    /// Mean |value| of each feature over the rows: `[output][feature]`, the global importance.
    public var meanAbsoluteValues: [[Double]]
    /// The largest additivity error of any row.
    public var largestAdditivityError: Double

    /// Creates an explanation.
    public init(model: ModelPrediction.Version, method: String, parameters: [String: JSONValue], features: [String], outputs: [Output],
                baseValues: [Double], rows: [Row], meanAbsoluteValues: [[Double]], largestAdditivityError: Double,
                id: Identifier<ModelExplanation>? = nil, createdAt: Date? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.model = model
        self.method = method
        self.parameters = parameters
        self.features = features
        self.outputs = outputs
        self.baseValues = baseValues
        self.rows = rows
        self.meanAbsoluteValues = meanAbsoluteValues
        self.largestAdditivityError = largestAdditivityError
    }

    /// What a list of stored explanations shows of each: everything but the rows.
    public var summary: ModelExplanationSummary {
        ModelExplanationSummary(
            id: id ?? Identifier(""), model: model, method: method, parameters: parameters, features: features, outputs: outputs,
            rowCount: rows.count, largestAdditivityError: largestAdditivityError, createdAt: createdAt ?? Date(timeIntervalSince1970: 0))
    }
}
