import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats

/// `{"kind": "explanation", "model": "churn"}`: what drives a model's predictions, window by
/// window. The window's logged predictions (the series `model.<name>`, see
/// ``RegisteredModel/predictionSeries``) are explained with `method` against a sample of
/// themselves, and each feature becomes a numeric column of |attribution| per row, so drift tests
/// compare how strongly each feature drives predictions, and a `metric_change` rule on a
/// feature's `mean` (its mean |SHAP|) fires when the features that drive the model change.
///
/// Settings:
/// - `model`: the model's ID, name@version or name (required);
/// - `method`: `tree_shap` (default; path-dependent, covers counted from the window's rows),
///   `kernel_shap` or `lime`;
/// - `output`: the class (its label) or output index explained; by default a two-class model's
///   second class, and otherwise the sum of |attribution| over every output;
/// - `rows`: the most predictions explained per window, 1–1,000 (default 500), spread evenly
///   over the window.
public struct ExplanationMonitorSource: MonitorSource {
    public static let kind = "explanation"
    public static let isTimed = true

    /// Predictions explained per window when `rows` is not given.
    public static let defaultRows = 500
    /// Rows the explanation's background sample holds at most.
    static let backgroundRows = 200

    /// The model, as the definition names it.
    public let model: String
    /// The explanation method.
    public let method: String
    /// The output explained: a label or an index; nil for the default.
    public let output: JSONValue?
    /// The most predictions explained per window.
    public let rows: Int

    private static let settingNames = ["model", "method", "output", "rows"]

    public init(settings: [String: JSONValue]) throws {
        if let extra = settings.keys.sorted().first(where: { !Self.settingNames.contains($0) }) {
            throw DomainError.invalid(field: "source.\(extra)", message: "An explanation source reads \(Self.settingNames.joined(separator: ", ")); remove \(extra).")
        }
        guard case let .string(model)? = settings["model"], !model.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.invalid(field: "source.model", message: "An explanation source names an uploaded model by its ID, name@version or name: {\"kind\": \"explanation\", \"model\": \"churn\"}.")
        }
        let methods = ExplainerRegistry.standard.methods
        switch settings["method"] {
        case nil, .null?: method = methods[0]
        case let .string(name)? where methods.contains(name): method = name
        default: throw DomainError.invalid(field: "source.method", message: "method is one of \(methods.joined(separator: ", ")).")
        }
        switch settings["output"] {
        case nil, .null?: output = nil
        case let .string(label)?: output = .string(label)
        case let .number(index)? where index >= 0 && index == index.rounded() && index < 1_000: output = .number(index)
        default: throw DomainError.invalid(field: "source.output", message: "output is a class label, or the index of an output (0, 1, …).")
        }
        switch settings["rows"] {
        case nil, .null?: rows = Self.defaultRows
        case let .number(count)? where count >= 1 && count <= Double(ExplanationRequest.rowLimit) && count == count.rounded(): rows = Int(count)
        default: throw DomainError.invalid(field: "source.rows", message: "rows is the most predictions explained per window: a whole number 1–\(ExplanationRequest.rowLimit).")
        }
        self.model = model
    }

    public func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample {
        guard let registered = try await data.registeredModel(model, accountID: accountID),
              let bytes = try await data.registeredModelFile(registered.id, accountID: accountID)
        else { throw DomainError.notFound(resource: "model", id: model, field: "source.model") }
        let onnx: ONNXModel
        let explainer: any ModelExplainer
        do {
            onnx = try ONNXModel(bytes: bytes)
            explainer = try ExplainerRegistry.standard.explainer(method, for: onnx)
        } catch {
            throw DomainError.invalid(field: "source.method", message: "\(method) cannot explain model \(registered.name)@\(registered.version): \(error)")
        }
        let features = Self.featureNames(registered, explainer: explainer)
        let points = try await data.seriesPoints(registered.predictionSeries, accountID: accountID, window: window)
        let matrix = Self.matrix(points, features: features, limit: rows)
        guard matrix.rows > 0 else { return MonitorSample(columns: [:], rowCount: 0) }
        let background = Self.evenSample(matrix, count: Self.backgroundRows)
        let options: [String: JSONValue] = method == TreeShapExplainer.method ? ["featurePerturbation": "tree_path_dependent"] : ["seed": 0]
        let explanation: Explanation
        do {
            (explanation, _) = try explainer.explain(matrix, background: background, options: options)
        } catch {
            throw DomainError.invalid(field: "source.method", message: "\(method) could not explain the logged predictions of \(registered.name): \(error)")
        }
        let outputs = try chosenOutputs(explanation.outputs)
        var columns: [String: DriftColumn] = [:]
        for (feature, name) in features.enumerated() {
            let magnitudes = explanation.rows.map { row in outputs.reduce(0) { $0 + abs(row.values[$1][feature]) } }
            columns[name] = .numeric(SortedSample(alreadySorted: magnitudes.sorted()))
        }
        return MonitorSample(columns: columns, rowCount: matrix.rows)
    }

    /// The outputs whose attributions are summed: the one `output` names, else a two-class
    /// model's second class, else all of them.
    func chosenOutputs(_ outputs: [ExplainedOutput]) throws -> [Int] {
        switch output {
        case let .string(label)?:
            guard let index = outputs.firstIndex(where: { $0.name == label }) else {
                throw DomainError.invalid(field: "source.output", message: "The model has no output '\(label)'; its outputs are \(outputs.map(\.name).joined(separator: ", ")).")
            }
            return [index]
        case let .number(index)?:
            guard Int(index) < outputs.count else {
                throw DomainError.invalid(field: "source.output", message: "The model has \(outputs.count) outputs (0–\(outputs.count - 1)); output \(Int(index)) does not exist.")
            }
            return [Int(index)]
        default:
            return outputs.count == 2 ? [1] : Array(outputs.indices)
        }
    }

    /// The names logged predictions give the explainer's features: the model's feature names,
    /// else the input's own name (one column) or `input[j]`, as ``RegisteredModel`` logging writes them.
    static func featureNames(_ model: RegisteredModel, explainer: any ModelExplainer) -> [String] {
        if let features = model.features, features.count == explainer.featureCount { return features }
        if explainer.featureCount == 1 { return [explainer.inputName] }
        return (0 ..< explainer.featureCount).map { "\(explainer.inputName)[\($0)]" }
    }

    /// The points' features as a matrix of at most `limit` rows spread evenly over them; a point
    /// with none of the features is left out, and a missing or non-numeric value is missing (NaN).
    static func matrix(_ points: [SeriesPoint], features: [String], limit: Int) -> FeatureMatrix {
        let usable = points.filter { point in features.contains { point.values[$0] != nil } }
        let chosen = evenIndices(usable.count, count: limit).map { usable[$0] }
        var values: [Float] = []
        values.reserveCapacity(chosen.count * features.count)
        for point in chosen {
            for feature in features {
                if case let .number(number)? = point.values[feature] { values.append(Float(number)) } else { values.append(.nan) }
            }
        }
        return FeatureMatrix(values: values, rows: chosen.count, columns: features.count)
    }

    /// At most `count` of the matrix's rows, spread evenly.
    static func evenSample(_ matrix: FeatureMatrix, count: Int) -> FeatureMatrix {
        let indices = evenIndices(matrix.rows, count: count)
        return FeatureMatrix(values: indices.flatMap { matrix[row: $0] }, rows: indices.count, columns: matrix.columns)
    }

    /// `count` indices of `0..<total` spread evenly (all of them when there are no more).
    private static func evenIndices(_ total: Int, count: Int) -> [Int] {
        guard total > count else { return Array(0 ..< total) }
        return (0 ..< count).map { $0 * total / count }
    }
}
