/// What `POST /api/v1/models/{model_id}/importance` answers: scikit-learn's permutation
/// importance of each feature, the score's drop when the feature's column is shuffled.
public struct ModelImportance: Sendable, Codable, Hashable {
    /// The model version scored.
    public var model: ModelPrediction.Version
    /// The scoring: accuracy, balanced_accuracy, r2, neg_mean_squared_error or neg_mean_absolute_error.
    public var scoring: String
    /// The score with no column shuffled.
    public var baseline: Double
    /// The feature names, in the order of every list below.
    public var features: [String]
    /// Each feature's mean drop over the repeats.
    public var importancesMean: [Double]
    /// Each feature's standard deviation of the drops (ddof 0, as NumPy's).
    public var importancesStd: [Double]
    /// `importances[feature][repeat]`: every drop.
    public var importances: [[Double]]
    /// How many rows were scored.
    public var rows: Int
    /// How many times each column was shuffled.
    public var repeats: Int
    /// The seed of the shuffles.
    public var seed: Int

    /// Creates an answer.
    public init(model: ModelPrediction.Version, scoring: String, baseline: Double, features: [String], importancesMean: [Double], importancesStd: [Double],
                importances: [[Double]], rows: Int, repeats: Int, seed: Int) {
        self.model = model
        self.scoring = scoring
        self.baseline = baseline
        self.features = features
        self.importancesMean = importancesMean
        self.importancesStd = importancesStd
        self.importances = importances
        self.rows = rows
        self.repeats = repeats
        self.seed = seed
    }
}
