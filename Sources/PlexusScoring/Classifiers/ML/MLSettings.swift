import PlexusCore

/// The `ml` classifier block as written in a scorecard:
/// ```yaml
/// classifier:
///   type: ml
///   algorithm: logistic_regression   # or naive_bayes
///   ngram_range: [1, 2]
///   min_df: 2
///   max_features: 20000              # optional
///   sublinear_tf: false
///   c: 1.0                           # logistic regression's inverse regularization
///   alpha: 1.0                       # naive Bayes smoothing
///   test_size: 0.2
///   seed: 42
///   model_version: 3                 # optional pin; default the newest trained
/// ```
/// Every field but `type` is optional; the defaults are ``TextModelSettings``'.
struct MLSettings: Decodable, Sendable {
    var algorithm: String?
    var ngramRange: [Int]?
    var minDF: Int?
    var maxFeatures: Int?
    var sublinearTF: Bool?
    var c: Double?
    var alpha: Double?
    var testSize: Double?
    var seed: Int?
    var modelVersion: Int?

    /// The keys a block may have.
    static let keys: Set<String> = Set(CodingKeys.allCases.map(\.rawValue)).union(["type"])

    enum CodingKeys: String, CodingKey, CaseIterable {
        case algorithm, c, alpha, seed
        case ngramRange = "ngram_range"
        case minDF = "min_df"
        case maxFeatures = "max_features"
        case sublinearTF = "sublinear_tf"
        case testSize = "test_size"
        case modelVersion = "model_version"
    }

    /// Every value out of range, with its path in the block.
    var problems: [SettingsProblem] {
        var found: [SettingsProblem] = []
        func require(_ ok: Bool, _ path: String, _ message: @autoclosure () -> String) {
            if !ok { found.append(SettingsProblem(path: path, message: message())) }
        }
        if let algorithm {
            let names = TextModelAlgorithm.allCases.map(\.rawValue)
            require(names.contains(algorithm), "algorithm", "Unknown algorithm '\(algorithm)'; use \(names.joined(separator: " or ")).")
        }
        if let ngramRange {
            require(ngramRange.count == 2, "ngram_range", "ngram_range has \(ngramRange.count) values; write two, [shortest, longest], such as [1, 2].")
            for (index, length) in ngramRange.enumerated() {
                require(length >= 1, "ngram_range[\(index)]", "An n-gram length must be at least 1, not \(length).")
            }
            if ngramRange.count == 2 {
                require(ngramRange[0] <= ngramRange[1], "ngram_range", "The shortest length \(ngramRange[0]) is above the longest \(ngramRange[1]).")
            }
        }
        require((minDF ?? 1) >= 1, "min_df", "min_df must be a whole number of texts, at least 1, not \(minDF ?? 0).")
        require((maxFeatures ?? 1) >= 1, "max_features", "max_features must be at least 1, not \(maxFeatures ?? 0); leave it out to keep every term.")
        require((c ?? 1) > 0, "c", "c must be above 0, not \(c ?? 0).")
        require((alpha ?? 1) > 0, "alpha", "alpha must be above 0, not \(alpha ?? 0).")
        require((0..<1).contains(testSize ?? 0), "test_size", "test_size must be a fraction from 0 up to (not including) 1, not \(testSize ?? 0).")
        require((seed ?? 0) >= 0, "seed", "seed must not be negative, not \(seed ?? 0).")
        require((modelVersion ?? 1) >= 1, "model_version", "model_version must be at least 1, not \(modelVersion ?? 0); leave it out to use the newest model.")
        return found
    }

    /// The training settings, with defaults for what is left out; only for settings without ``problems``.
    var trainingSettings: TextModelSettings {
        let defaults = TextModelSettings()
        let range = ngramRange.map { $0[0]...$0[1] } ?? defaults.ngramRange
        return TextModelSettings(
            algorithm: algorithm.flatMap(TextModelAlgorithm.init(rawValue:)) ?? defaults.algorithm, ngramRange: range,
            minDF: minDF ?? defaults.minDF, maxFeatures: maxFeatures, sublinearTF: sublinearTF ?? defaults.sublinearTF,
            c: c ?? defaults.c, alpha: alpha ?? defaults.alpha, testSize: testSize ?? defaults.testSize,
            seed: seed.map(UInt64.init) ?? defaults.seed)
    }
}
