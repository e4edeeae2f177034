import PlexusCore
import PlexusScoring

/// Scores an item with an uploaded ONNX classifier: the item's metadata fields become one row of
/// named features, the predicted label (mapped to the score's classes) is the value, and its
/// probability is the confidence. With an ``Attribution``, the explanation also names the
/// features that pushed the prediction most.
struct ONNXClassifier: Classifier {
    /// Path-dependent TreeSHAP against background rows, and how many features to name.
    struct Attribution: Sendable {
        let explainer: TreeShapExplainer
        let background: FeatureMatrix
        let top: Int
    }

    let runner: ModelRunner
    let file: RegisteredModelFile
    /// The model's feature names, in order.
    let features: [String]
    /// Feature → metadata field, where they differ.
    let fields: [String: String]
    /// Model label → score class, where they differ.
    let labels: [String: String]
    let classes: [String]
    let score: String
    let attribution: Attribution?

    func classify(_ input: ClassifierInput) async throws -> Classification {
        var row: [String: JSONValue] = [:]
        for feature in features {
            let field = fields[feature] ?? feature
            guard let value = input.item.metadata[field] else {
                throw ONNXClassifierError.missingField(score: score, item: input.item.id, field: field, feature: feature)
            }
            row[feature] = numeric(value, for: feature)
        }
        let model = runner.model
        let (inputs, _) = try PredictionRequest.inputs(from: ["rows": [.object(row)]], model: model, features: file.features)
        let (_, predictions) = PredictionResponse.json(try runner.run(inputs), model: model, rows: 1)
        let prediction = predictions.arrayValue?.first ?? .null
        let label = Self.text(prediction["label"] ?? .null)
        let value = labels[label] ?? label
        guard classes.isEmpty || classes.contains(value) else {
            throw ONNXClassifierError.labelNotInScore(score: score, label: label, classes: classes)
        }
        let probabilities: [(String, Double)] = switch prediction["probabilities"] {
        case let .object(byClass)?: byClass.compactMap { key, number in number.numberValue.map { (key, $0) } }.sorted { $0.0 < $1.0 }
        case let .array(numbers)?: numbers.enumerated().compactMap { index, number in number.numberValue.map { (String(index), $0) } }
        default: []
        }
        let confidence = probabilities.map(\.1).max()
        let shown = probabilities.map { "\(labels[$0.0] ?? $0.0) \(String(format: "%.3f", $0.1))" }.joined(separator: ", ")
        var explanation = "\(file.name) v\(file.version) predicted \(label)" + (shown.isEmpty ? "" : " (probabilities: \(shown))")
        var detail: [String: JSONValue] = ["model": ["id": .string(file.id), "name": .string(file.name), "version": .number(Double(file.version))], "prediction": prediction]
        if let attribution {
            let (text, shap) = try explain(row, label: label, with: attribution)
            explanation += "; \(text)"
            detail["shap"] = shap
        }
        return Classification(value: value, confidence: confidence, explanation: explanation, detail: .object(detail))
    }

    /// The row's TreeSHAP values for the predicted class's output (the only output of a model
    /// with one, such as a binary boosted model's log-odds): the strongest features as text, and
    /// every value with the output, its space and base value.
    private func explain(_ row: [String: JSONValue], label: String, with attribution: Attribution) throws -> (text: String, detail: JSONValue) {
        let matrix = FeatureMatrix(values: features.map { Self.float(row[$0] ?? .null) }, rows: 1, columns: features.count)
        let explained = try attribution.explainer.explain(matrix, background: attribution.background, perturbation: .treePathDependent)
        let outputs = explained.outputs
        let output = outputs.firstIndex { $0.name == label } ?? outputs.count - 1
        guard let values = explained.rows.first?.values[output] else { return ("", .null) }
        let strongest = values.indices.sorted { abs(values[$0]) > abs(values[$1]) }.prefix(attribution.top)
        let named = strongest.map { "\(features[$0]) \(values[$0] >= 0 ? "+" : "−")\(String(format: "%.3f", abs(values[$0])))" }
        let text = "TreeSHAP toward \(outputs[output].name) (\(outputs[output].space)): " + named.joined(separator: ", ")
        let detail: JSONValue = [
            "output": .string(outputs[output].name), "space": .string(outputs[output].space), "baseValue": .number(explained.baseValues[output]),
            "values": .object(Dictionary(uniqueKeysWithValues: zip(features, values.map(JSONValue.number)))),
        ]
        return (text, detail)
    }

    /// A feature value as the explainer reads it: a number (or a number written as text), else missing.
    static func float(_ value: JSONValue) -> Float {
        switch value {
        case let .number(number): Float(number)
        case let .string(text): Float(text.trimmingCharacters(in: .whitespaces)) ?? .nan
        case let .bool(flag): flag ? 1 : 0
        default: .nan
        }
    }

    /// A number written as text (as CSV imports store metadata) becomes the number, for numeric inputs.
    private func numeric(_ value: JSONValue, for feature: String) -> JSONValue {
        guard case let .string(text) = value, let number = Double(text.trimmingCharacters(in: .whitespaces)) else { return value }
        let input = runner.model.inputs.first { $0.name == feature } ?? (runner.model.inputs.count == 1 ? runner.model.inputs[0] : nil)
        return input?.elementType == .string ? value : .number(number)
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): text
        case let .number(number): number.plainText
        default: ""
        }
    }
}
