import Foundation
import PlexusCore
import PlexusScoring

/// The `onnx` classifier type: an uploaded ONNX model scores items from their metadata.
/// ```yaml
/// classifier:
///   type: onnx
///   model: churn@2            # an uploaded model: ID, name@version, or name (the newest)
///   inputs:                   # optional: model feature → item metadata field (default: the same name)
///     tenure_months: tenure
///   labels:                   # optional: model label → the score's class (default: the label itself)
///     "1": "Yes"
///     "0": "No"
/// ```
/// The value is the predicted label (mapped), the confidence the probability the model gives it,
/// and the explanation names the model version and the class probabilities.
public struct ONNXClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `onnx`.
    public var type: String { "onnx" }

    struct Settings: Decodable {
        var model: String
        var inputs: [String: String]?
        var labels: [String: String]?

        static let keys: Set<String> = ["type", "model", "inputs", "labels"]
    }

    /// Unknown keys, a missing model, and labels mapped to classes the score does not have.
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        var problems = (settings.objectValue ?? [:]).keys.filter { !Settings.keys.contains($0) }.sorted().map { key in
            SettingsProblem(path: key, message: "Unknown onnx setting '\(key)'; the settings are \(Settings.keys.subtracting(["type"]).sorted().joined(separator: ", ")).")
        }
        do {
            let decoded = try SettingsDecoder.decode(Settings.self, from: settings)
            if decoded.model.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(SettingsProblem(path: "model", message: "Name an uploaded model: its ID, name@version, or name (see plexus model list)."))
            }
            if !score.classes.isEmpty {
                for (label, value) in (decoded.labels ?? [:]).sorted(by: { $0.key < $1.key }) where !score.classes.contains(value) {
                    problems.append(SettingsProblem(path: "labels.\(label)", message: "'\(value)' is not a class of score \(score.key); its classes are \(score.classes.joined(separator: ", "))."))
                }
            }
        } catch {
            problems.append(error)
        }
        return problems
    }

    /// Loads the model the block names and prepares it.
    /// - Throws: ``ONNXClassifierError`` when the model is not uploaded, cannot run, or predicts numbers rather than classes.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        let decoded = try SettingsDecoder.decode(Settings.self, from: settings)
        guard let file = try await context.registeredModels.model(decoded.model) else {
            throw ONNXClassifierError.modelNotFound(score: score.key, reference: decoded.model)
        }
        let model: ONNXModel
        let runner: ModelRunner
        do {
            model = try ONNXModel(bytes: file.data)
            runner = try ModelRunner(model)
        } catch {
            throw ONNXClassifierError.unusableModel(score: score.key, reference: decoded.model, problem: error)
        }
        guard model.outputs.count >= 2 else {
            throw ONNXClassifierError.notAClassifier(score: score.key, reference: decoded.model)
        }
        let features = file.features ?? model.inputs.map(\.name)
        return ONNXClassifier(
            runner: runner, file: file, features: features, fields: decoded.inputs ?? [:], labels: decoded.labels ?? [:], classes: score.classes, score: score.key)
    }
}

/// Why an `onnx` classifier could not be built or could not classify an item.
public enum ONNXClassifierError: Error, Sendable, CustomStringConvertible {
    case modelNotFound(score: String, reference: String)
    case unusableModel(score: String, reference: String, problem: any Error)
    case notAClassifier(score: String, reference: String)
    case missingField(score: String, item: String, field: String, feature: String)
    case labelNotInScore(score: String, label: String, classes: [String])

    public var description: String {
        switch self {
        case let .modelNotFound(score, reference):
            "Score \(score): no uploaded model is named '\(reference)'; upload it with plexus model upload, or fix the model setting (plexus model list shows what is there)."
        case let .unusableModel(score, reference, problem):
            "Score \(score): the model '\(reference)' cannot run: \(problem)."
        case let .notAClassifier(score, reference):
            "Score \(score): the model '\(reference)' predicts values, not labels with probabilities; an onnx score needs a classifier."
        case let .missingField(score, item, field, feature):
            "Score \(score): item \(item) has no metadata field '\(field)' for the model's feature '\(feature)'; add it to the item, or map the feature to another field under inputs."
        case let .labelNotInScore(score, label, classes):
            "Score \(score): the model predicted '\(label)', which is not one of the score's classes (\(classes.joined(separator: ", "))); map it under labels."
        }
    }
}
