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
///   background: customers     # optional: an uploaded dataset (ID or name) whose rows explain predictions
///   top_features: 3           # optional: how many features the explanation names (1–20, default 3)
/// ```
/// The value is the predicted label (mapped), the confidence the probability the model gives it,
/// and the explanation names the model version and the class probabilities; with `background`,
/// a tree-ensemble model's explanation also names the features that pushed the prediction most,
/// by path-dependent TreeSHAP with node covers counted from up to 200 of the dataset's rows.
public struct ONNXClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `onnx`.
    public var type: String { "onnx" }

    struct Settings: Decodable {
        var model: String
        var inputs: [String: String]?
        var labels: [String: String]?
        var background: String?
        var topFeatures: Int?

        static let keys: Set<String> = ["type", "model", "inputs", "labels", "background", "top_features"]

        private enum CodingKeys: String, CodingKey {
            case model, inputs, labels, background
            case topFeatures = "top_features"
        }
    }

    /// Background rows read from the dataset an explained score names.
    static let backgroundRows = 200

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
            if let background = decoded.background, background.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(SettingsProblem(path: "background", message: "Name an uploaded dataset (its ID or name, see plexus data list) whose rows the explanations compare items with."))
            }
            if let top = decoded.topFeatures {
                if !(1 ... 20).contains(top) {
                    problems.append(SettingsProblem(path: "top_features", message: "top_features is how many features the explanation names: 1–20."))
                } else if decoded.background == nil {
                    problems.append(SettingsProblem(path: "top_features", message: "top_features applies to explanations, which need a background dataset; add background or remove top_features."))
                }
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
        let fields = decoded.inputs ?? [:]
        var attribution: ONNXClassifier.Attribution?
        if let background = decoded.background {
            attribution = try await Self.attribution(
                model: model, features: features, fields: fields, background: background, top: decoded.topFeatures ?? 3, score: score.key,
                reference: decoded.model, context: context)
        }
        return ONNXClassifier(
            runner: runner, file: file, features: features, fields: fields, labels: decoded.labels ?? [:], classes: score.classes, score: score.key,
            attribution: attribution)
    }

    /// TreeSHAP for `model` against up to ``backgroundRows`` rows of the dataset `background`,
    /// whose columns are the items' metadata fields the features come from.
    private static func attribution(
        model: ONNXModel, features: [String], fields: [String: String], background: String, top: Int, score: String, reference: String,
        context: ClassifierContext
    ) async throws -> ONNXClassifier.Attribution {
        let explainer: TreeShapExplainer
        do {
            explainer = try TreeShapExplainer(model: model)
        } catch {
            throw ONNXClassifierError.notExplainable(score: score, reference: reference, reason: "\(error)")
        }
        guard explainer.featureCount == features.count else {
            throw ONNXClassifierError.notExplainable(score: score, reference: reference, reason:
                "its trees read \(explainer.featureCount) features and the score names \(features.count); upload the model with features=… naming its columns")
        }
        let columns = features.map { fields[$0] ?? $0 }
        let rows: [[String: JSONValue]]
        do {
            guard let read = try await context.registeredModels.datasetRows(background, columns: columns, limit: backgroundRows) else {
                throw ONNXClassifierError.backgroundNotFound(score: score, dataset: background)
            }
            rows = read
        } catch let error as DatasetRowsError {
            throw ONNXClassifierError.unusableBackground(score: score, dataset: background, reason: error.description)
        }
        guard !rows.isEmpty else { throw ONNXClassifierError.unusableBackground(score: score, dataset: background, reason: "it has no rows") }
        let values = rows.flatMap { row in columns.map { ONNXClassifier.float(row[$0] ?? .null) } }
        return ONNXClassifier.Attribution(
            explainer: explainer, background: FeatureMatrix(values: values, rows: rows.count, columns: columns.count), top: top)
    }
}

/// Why an `onnx` classifier could not be built or could not classify an item.
public enum ONNXClassifierError: Error, Sendable, CustomStringConvertible {
    case modelNotFound(score: String, reference: String)
    case unusableModel(score: String, reference: String, problem: any Error)
    case notAClassifier(score: String, reference: String)
    case missingField(score: String, item: String, field: String, feature: String)
    case labelNotInScore(score: String, label: String, classes: [String])
    case notExplainable(score: String, reference: String, reason: String)
    case backgroundNotFound(score: String, dataset: String)
    case unusableBackground(score: String, dataset: String, reason: String)

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
        case let .notExplainable(score, reference, reason):
            "Score \(score): the model '\(reference)' cannot be explained by TreeSHAP (\(reason)); remove background to score without explanations."
        case let .backgroundNotFound(score, dataset):
            "Score \(score): no uploaded dataset is named '\(dataset)'; upload it with plexus data upload, or fix the background setting (plexus data list shows what is there)."
        case let .unusableBackground(score, dataset, reason):
            "Score \(score): the background dataset '\(dataset)' cannot explain predictions: \(reason)."
        }
    }
}
