import Foundation
import PlexusCore

/// Classifies an item's text with a trained ``TextModel``: the most probable class, its
/// (calibrated) probability as the confidence, and the terms that weighed most as the explanation.
public struct MLClassifier: Classifier {
    /// The model.
    public let model: TextModel
    /// The stored version of the model.
    public let version: Int
    /// How many terms the explanation names.
    public var explainedTerms = 5

    /// Creates a classifier of `model`, stored as `version`.
    public init(model: TextModel, version: Int) {
        self.model = model
        self.version = version
    }

    /// Predicts the item's text; `detail` holds every class's probability, the model version and the top terms.
    public func classify(_ input: ClassifierInput) async throws -> Classification {
        let (prediction, terms) = model.explain(input.item.text, top: explainedTerms)
        let probabilities = Dictionary(uniqueKeysWithValues: zip(model.classes, prediction.probabilities.map(JSONValue.number)))
        let detail: JSONValue = .object([
            "probabilities": .object(probabilities),
            "model_version": .number(Double(version)),
            "algorithm": .string(model.artifact.algorithm.rawValue),
            "top_terms": .array(terms.map { .object(["term": .string($0.term), "contribution": .number($0.contribution)]) }),
        ])
        return Classification(value: prediction.label, confidence: prediction.confidence, explanation: Self.explanation(prediction, terms), detail: detail)
    }

    /// `'Yes' (p = 0.912); top terms: +refund 0.412, -password -0.120`.
    static func explanation(_ prediction: TextPrediction, _ terms: [TermContribution]) -> String {
        let head = "'\(prediction.label)' (p = \(String(format: "%.3f", prediction.confidence)))"
        guard !terms.isEmpty else { return head + "; no known terms in the text" }
        let listed = terms.map { "\($0.contribution >= 0 ? "+" : "-")\($0.term) \(String(format: "%.3f", $0.contribution))" }
        return head + "; top terms: " + listed.joined(separator: ", ")
    }
}
