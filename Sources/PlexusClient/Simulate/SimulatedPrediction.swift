/// One simulated item: its true label, a prediction that is right with a given probability, and
/// a confidence.
public struct SimulatedPrediction: Sendable, Hashable {
    /// The true label.
    public var truth: String
    /// The predicted label.
    public var predicted: String
    /// The classifier's confidence, uniform in 0.7–0.99.
    public var confidence: Double

    /// Whether the prediction is right.
    public var isCorrect: Bool { truth == predicted }

    /// Draws a true label uniformly from `classes` and a prediction that equals it with
    /// probability `accuracy` and is otherwise another class, drawn uniformly.
    public static func draw(classes: [String], accuracy: Double, using random: inout some RandomNumberGenerator) -> SimulatedPrediction {
        let truth = classes.randomElement(using: &random)!
        let isCorrect = Double.random(in: 0..<1, using: &random) < accuracy
        let others = classes.filter { $0 != truth }
        let predicted = isCorrect || others.isEmpty ? truth : others.randomElement(using: &random)!
        return SimulatedPrediction(truth: truth, predicted: predicted, confidence: Double.random(in: 0.7...0.99, using: &random))
    }
}
