/// What a text model is trained with: its features, its algorithm and the held-out split.
/// Defaults are scikit-learn's where it has one.
public struct TextModelSettings: Sendable, Hashable, Codable {
    /// The learning algorithm; logistic regression by default.
    public var algorithm: TextModelAlgorithm
    /// The shortest and longest word n-grams used as features; unigrams by default.
    public var ngramRange: ClosedRange<Int>
    /// Terms found in fewer training texts than this are dropped; 1 by default.
    public var minDF: Int
    /// Keep only this many terms, those with the highest total counts; `nil` (the default) keeps all.
    public var maxFeatures: Int?
    /// Whether term counts are replaced by `1 + ln(count)`; `false` by default.
    public var sublinearTF: Bool
    /// Logistic regression's inverse regularization strength (larger fits the data more closely); 1 by default.
    public var c: Double
    /// Naive Bayes' additive smoothing; 1 by default.
    public var alpha: Double
    /// The fraction of each class held out for evaluation and calibration; 0.2 by default.
    public var testSize: Double
    /// Seeds the held-out split; 42 by default.
    public var seed: UInt64

    /// Creates settings; every argument has its documented default.
    public init(
        algorithm: TextModelAlgorithm = .logisticRegression, ngramRange: ClosedRange<Int> = 1...1, minDF: Int = 1,
        maxFeatures: Int? = nil, sublinearTF: Bool = false, c: Double = 1, alpha: Double = 1, testSize: Double = 0.2, seed: UInt64 = 42
    ) {
        self.algorithm = algorithm
        self.ngramRange = ngramRange
        self.minDF = minDF
        self.maxFeatures = maxFeatures
        self.sublinearTF = sublinearTF
        self.c = c
        self.alpha = alpha
        self.testSize = testSize
        self.seed = seed
    }

    private enum CodingKeys: String, CodingKey {
        case algorithm, c, alpha, seed
        case ngramRange = "ngram_range"
        case minDF = "min_df"
        case maxFeatures = "max_features"
        case sublinearTF = "sublinear_tf"
        case testSize = "test_size"
    }
}
