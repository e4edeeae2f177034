/// A text model's answer for one text.
public struct TextPrediction: Sendable, Hashable {
    /// The number of the most probable class in the model's classes.
    public var classIndex: Int
    /// The most probable class.
    public var label: String
    /// Every class's (calibrated) probability, in the model's class order.
    public var probabilities: [Double]

    /// The probability of the predicted class: the classification's confidence.
    public var confidence: Double { probabilities[classIndex] }
}

/// How much one term of a text pushed the prediction toward the predicted class (negative: away from it).
public struct TermContribution: Sendable, Hashable, Codable {
    /// The term (a word or an n-gram).
    public var term: String
    /// The term's TF-IDF weight in the text times its coefficient for the predicted class minus
    /// the mean coefficient of the other classes.
    public var contribution: Double

    /// Creates a contribution.
    public init(term: String, contribution: Double) {
        self.term = term
        self.contribution = contribution
    }
}
