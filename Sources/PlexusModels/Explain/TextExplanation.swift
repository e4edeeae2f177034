import PlexusCore

/// Why a classifier classified a text as it did: each word's LIME weight towards each class.
public struct TextExplanation: Sendable, Equatable, Codable {
    /// The text's distinct words, in order of first appearance.
    public let words: [String]
    /// The classes the classifier gives probabilities for.
    public let classes: [String]
    /// The classifier's probabilities for the whole text.
    public let probabilities: [Double]
    /// `weights[class][word]`: how much keeping the word moves the class's probability.
    public let weights: [[Double]]
    /// Each class's surrogate intercept.
    public let intercepts: [Double]
    /// Each class's surrogate weighted R²: how well the words' weights describe the classifier near this text.
    public let scores: [Double]
    /// The settings used.
    public let samples: Int
    public let kernelWidth: Double
    public let seed: UInt64

    /// The class the classifier gives the highest probability.
    public var predictedClass: Int {
        probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
    }

    /// The `count` words that move class `index` most (by |weight|), strongest first.
    public func strongestWords(for index: Int, count: Int) -> [(word: String, weight: Double)] {
        zip(words, weights[index]).sorted { abs($0.1) > abs($1.1) }.prefix(count).map { ($0.0, $0.1) }
    }
}
