import Foundation
import PlexusCore

/// TreeSHAP for a model whose prediction is one tree ensemble (`TreeEnsembleClassifier` or
/// `TreeEnsembleRegressor`) reading the model's numeric input, directly or through `Identity`
/// and float `Cast` nodes. The values are computed from the ONNX trees alone, in the space shap
/// explains each family in: probabilities for forests (post-transform NONE), log-odds for
/// logistic boosted trees, raw class scores for softmax boosted trees, values for regressors.
public struct TreeShapExplainer: ModelExplainer {
    public static let method = "tree_shap"
    /// The most (row, background row) pairs one interventional request walks.
    public static let pairLimit = 200_000

    /// How a feature outside a coalition is filled in.
    public enum Perturbation: String, Sendable, CaseIterable {
        /// Integrated out along the trees, in proportion to the background rows that took each
        /// branch (shap's `tree_path_dependent`, with covers counted from the background).
        case treePathDependent = "tree_path_dependent"
        /// Taken from each background row in turn, and the results averaged (shap's `interventional`).
        case interventional
    }

    /// The model input the trees read.
    public let inputName: String
    /// How many features a row has.
    public let featureCount: Int
    /// The outputs explained, in the order of every result's values.
    public let outputs: [ExplainedOutput]
    let trees: TreeEnsemble
    let targets: Int
    /// Output k = constants[k] + factors[k] × raw score of target sources[k].
    private let sources: [Int]
    private let factors: [Double]
    private let constants: [Double]

    /// Finds the tree ensemble of `model`.
    /// - Throws: ``ModelError/notExplainable(method:reason:)`` when the model is not one tree
    ///   ensemble over its input, naming what stands in the way.
    public init(model: ONNXModel) throws(ModelError) {
        let treeTypes: Set = ["TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble"]
        let ensembles = zip(model.nodes, model.graph.node).filter { treeTypes.contains($0.0.operatorType) && $0.0.domain == "ai.onnx.ml" }
        guard ensembles.count == 1, let (description, proto) = ensembles.first else {
            throw .notExplainable(method: "tree_shap", reason: ensembles.isEmpty
                ? "it has no TreeEnsembleClassifier, TreeEnsembleRegressor or TreeEnsemble node; use kernel_shap or lime"
                : "it has \(ensembles.count) tree ensembles; tree_shap explains models with one, so use kernel_shap or lime")
        }
        let input = try Self.modelInput(feeding: description, in: model)
        inputName = input.name
        let attributes = NodeAttributes(proto, name: description.name)
        if description.operatorType == "TreeEnsembleClassifier" {
            trees = try TreeEnsemble(attributes, weightPrefix: "class")
            let labels = try attributes.classLabels(ints: "classlabels_int64s", strings: "classlabels_strings")
            let names: [String] = switch labels {
            case let .int64(values): values.map(String.init)
            case let .string(values): values
            }
            let baseValues = try attributes.floats("base_values").map(Double.init)
            let transform = try PostTransform(attributes)
            let scored = Set(trees.weights.map(\.target))
            if names.count == 2, scored.count == 1, baseValues.count < 2 {
                // Exporters write a binary model's trees for the positive class only.
                let base = baseValues.first ?? 0
                targets = 1
                if transform == .none, trees.weights.allSatisfy({ $0.value >= 0 }) {
                    outputs = names.map { ExplainedOutput(name: $0, space: "probability") }
                    (sources, factors, constants) = ([0, 0], [-1, 1], [1 - base, base])
                } else {
                    outputs = [ExplainedOutput(name: names[1], space: transform == .logistic ? "log_odds" : "margin")]
                    (sources, factors, constants) = ([0], [1], [base])
                }
            } else {
                let space = switch transform {
                case .none: "probability"
                case .logistic: "log_odds"
                default: "margin"
                }
                targets = names.count
                outputs = names.map { ExplainedOutput(name: $0, space: space) }
                sources = Array(names.indices)
                factors = names.map { _ in 1 }
                constants = names.indices.map { $0 < baseValues.count ? baseValues[$0] : 0 }
            }
        } else if description.operatorType == "TreeEnsemble" {
            // Opset 5's operator: raw scores (no base values), through a post-transform only with
            // several targets (as onnxruntime applies it), which leaves them margins.
            let read = try TreeEnsembleOperator.read(attributes)
            guard read.aggregate == .sum || read.aggregate == .average else {
                throw .notExplainable(method: "tree_shap", reason: "its trees are combined by \(read.aggregate.rawValue), which is not additive; use kernel_shap or lime")
            }
            let count = read.targets
            trees = read.trees
            targets = count
            let space = read.transform == .none || count == 1 ? "value" : "margin"
            outputs = (0 ..< count).map { ExplainedOutput(name: count == 1 ? "value" : "value_\($0)", space: space) }
            sources = Array(0 ..< count)
            factors = Array(repeating: read.aggregate == .average ? 1 / Double(read.trees.roots.count) : 1, count: count)
            constants = Array(repeating: 0, count: count)
        } else {
            trees = try TreeEnsemble(attributes, weightPrefix: "target")
            let count = Int(try attributes.int("n_targets", default: 1))
            targets = count
            let aggregate = try attributes.string("aggregate_function", default: "SUM")
            guard aggregate == "SUM" || aggregate == "AVERAGE" else {
                throw .notExplainable(method: "tree_shap", reason: "its trees are combined by \(aggregate), which is not additive; use kernel_shap or lime")
            }
            let baseValues = try attributes.floats("base_values").map(Double.init)
            outputs = (0 ..< count).map { ExplainedOutput(name: count == 1 ? "value" : "value_\($0)", space: "value") }
            sources = Array(0 ..< count)
            factors = Array(repeating: aggregate == "AVERAGE" ? 1 / Double(trees.roots.count) : 1, count: count)
            constants = (0 ..< count).map { $0 < baseValues.count ? baseValues[$0] : 0 }
        }
        guard trees.largestTarget < targets else {
            throw .invalidAttribute(node: description.name, attribute: "class_ids", message: "names target \(trees.largestTarget) of \(targets)")
        }
        let width: Int? = if case let .fixed(size)? = input.shape?.last { size } else { nil }
        featureCount = width ?? trees.largestFeature + 1
        guard featureCount > trees.largestFeature else {
            throw .notExplainable(method: "tree_shap", reason: "its trees read feature \(trees.largestFeature) of an input with \(featureCount)")
        }
    }

    /// The graph input the ensemble reads, through Identity and float Casts only.
    private static func modelInput(feeding ensemble: NodeDescription, in model: ONNXModel) throws(ModelError) -> ValueDescription {
        var name = ensemble.inputs.first ?? ""
        var seen: Set<String> = []
        while seen.insert(name).inserted {
            if let input = model.inputs.first(where: { $0.name == name }) {
                guard input.kind == "tensor", input.elementType != .string else {
                    throw .notExplainable(method: "tree_shap", reason: "its trees read the input '\(name)', which is not a numeric tensor")
                }
                return input
            }
            guard let (maker, proto) = zip(model.nodes, model.graph.node).first(where: { $0.0.outputs.contains(name) }) else { break }
            let passesValues = maker.operatorType == "Identity"
                || (maker.operatorType == "Cast" && proto.attribute.contains { $0.name == "to" && [1, 11].contains($0.i) })
            guard maker.domain.isEmpty, passesValues, let source = maker.inputs.first else {
                throw .notExplainable(method: "tree_shap", reason:
                    "its trees read the output of \(maker.operatorType) node \(maker.name), not the model's input; tree_shap explains trees over the input, so use kernel_shap or lime")
            }
            name = source
        }
        throw .notExplainable(method: "tree_shap", reason: "its trees' input '\(name)' comes from no model input")
    }

    /// Reads `featurePerturbation` (interventional by default, or tree_path_dependent) and
    /// `modelOutput` (`raw`, the model family's space, or `probability`) from `options`, then explains.
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) -> (Explanation, settings: [String: JSONValue]) {
        let (perturbation, probability) = try settings(options, rowCount: rows.rows, backgroundRows: background.rows)
        let explanation = try explain(rows, background: background, perturbation: perturbation, probability: probability)
        return (explanation, [
            "featurePerturbation": .string(perturbation.rawValue), "modelOutput": .string(probability ? "probability" : "raw"),
            "backgroundRows": .number(Double(background.rows)),
        ])
    }

    public func check(rowCount: Int, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) {
        _ = try settings(options, rowCount: rowCount, backgroundRows: background.rows)
    }

    /// Whether the model's one output is a log-odds margin, which `modelOutput: probability` turns into a probability.
    private var explainsLogOdds: Bool { outputs.count == 1 && outputs[0].space == "log_odds" }

    /// The perturbation and output space `options` ask for, checked against the pair limit.
    private func settings(_ options: [String: JSONValue], rowCount: Int, backgroundRows: Int) throws(ModelError) -> (Perturbation, probability: Bool) {
        var perturbation = Perturbation.interventional
        if let given = options["featurePerturbation"] ?? options["feature_perturbation"] {
            guard let name = given.stringValue, let chosen = Perturbation(rawValue: name) else {
                throw .invalidRequest(field: "featurePerturbation", message: "featurePerturbation is interventional (the default) or tree_path_dependent.")
            }
            perturbation = chosen
        }
        var probability = false
        if let given = options["modelOutput"] ?? options["model_output"] {
            switch given.stringValue {
            case "raw"?: break
            case "probability"? where outputs.allSatisfy({ $0.space == "probability" }): break
            case "probability"? where explainsLogOdds:
                guard perturbation == .interventional else {
                    throw .invalidRequest(field: "modelOutput", message:
                        "modelOutput probability rescales each background row's values, so it needs featurePerturbation interventional (as shap's does).")
                }
                probability = true
            case "probability"?:
                throw .invalidRequest(field: "modelOutput", message:
                    "modelOutput probability explains binary boosted trees (log-odds) and forests (already probabilities); this model's outputs are \(Set(outputs.map(\.space)).sorted().joined(separator: ", ")).")
            default:
                throw .invalidRequest(field: "modelOutput", message:
                    "modelOutput is raw (the space shap uses for the model family: probabilities for forests, log-odds for logistic boosted trees, values for regressors) or probability.")
            }
        }
        let rows = Self.budgetedRows(rowCount)
        if perturbation == .interventional, rows * backgroundRows > Self.pairLimit {
            throw .invalidRequest(field: "background", message:
                "Interventional TreeSHAP walks every row against every background row: \(rows) × \(backgroundRows) is more than \(Self.pairLimit) pairs in one request. Send fewer rows per request or a smaller background sample (100 rows is usual).")
        }
        return (perturbation, probability)
    }

    /// The SHAP values of every row of `rows`, against `background`.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` when the rows or the background
    ///   do not have the model's features, or the background is empty.
    /// With `probability` (a log-odds model, interventional), each background row's values are
    /// rescaled so they add up to the change in probability, σ(margin of the row) − σ(margin of
    /// the background row), as shap's `model_output="probability"` does; the base value is then
    /// the mean probability over the background.
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, perturbation: Perturbation, probability: Bool = false) throws(ModelError) -> Explanation {
        guard rows.columns == featureCount else {
            throw .invalidRequest(field: "rows", message: "Rows need \(featureCount) features for '\(inputName)'; these have \(rows.columns).")
        }
        guard background.columns == featureCount, background.rows > 0 else {
            throw .invalidRequest(field: "background", message: "The background needs at least one row of \(featureCount) features; it has \(background.rows) of \(background.columns).")
        }
        if probability, !outputs.allSatisfy({ $0.space == "probability" }) {
            guard explainsLogOdds, perturbation == .interventional else {
                throw .invalidRequest(field: "modelOutput", message: "modelOutput probability needs a log-odds model explained interventionally.")
            }
            return explainProbability(rows, background: background)
        }
        let covers = perturbation == .treePathDependent ? trees.covers(of: background) : []
        let rawBase: [Double]
        if perturbation == .treePathDependent {
            rawBase = trees.expectedRawScores(covers: covers, targets: targets)
        } else {
            var sum = [Double](repeating: 0, count: targets)
            for row in 0 ..< background.rows { trees.addRawScores(of: background[row: row], into: &sum) }
            rawBase = sum.map { $0 / Double(background.rows) }
        }
        let baseValues = outputs.indices.map { constants[$0] + factors[$0] * rawBase[sources[$0]] }
        var pathScratch = trees.pathScratch()
        var interventionalScratch = trees.interventionalScratch(features: featureCount)
        // Path-dependent values come from per-leaf tables when they fit, from the recursion otherwise.
        let tabled = perturbation == .treePathDependent
            ? LeafPatternShap(trees: trees, covers: covers, features: featureCount, targets: targets)?.shap(of: rows) : nil
        let rowWidth = featureCount * targets
        let rawScores = trees.rawScores(of: rows, targets: targets)
        var explained: [Explanation.Row] = []
        explained.reserveCapacity(rows.rows)
        for index in 0 ..< rows.rows {
            let row = rows[row: index]
            var raw = [Double](repeating: 0, count: rowWidth)
            switch perturbation {
            case .treePathDependent:
                if let tabled {
                    raw = Array(tabled[index * rowWidth ..< (index + 1) * rowWidth])
                } else {
                    trees.addPathDependentShap(of: row, covers: covers, targets: targets, scratch: &pathScratch, into: &raw)
                }
            case .interventional:
                for reference in 0 ..< background.rows {
                    trees.addInterventionalShap(of: row, against: background[row: reference], targets: targets, scratch: &interventionalScratch, into: &raw)
                }
                for position in raw.indices { raw[position] /= Double(background.rows) }
            }
            let scores = rawScores[index * targets ..< (index + 1) * targets]
            var values: [[Double]] = []
            var modelOutputs: [Double] = []
            var additivityError = 0.0
            for output in outputs.indices {
                let perFeature = (0 ..< featureCount).map { factors[output] * raw[$0 * targets + sources[output]] }
                let modelOutput = constants[output] + factors[output] * scores[scores.startIndex + sources[output]]
                additivityError = max(additivityError, abs(baseValues[output] + perFeature.reduce(0, +) - modelOutput))
                values.append(perFeature)
                modelOutputs.append(modelOutput)
            }
            explained.append(Explanation.Row(outputs: modelOutputs, values: values, additivityError: additivityError))
        }
        return Explanation(outputs: outputs, baseValues: baseValues, rows: explained)
    }

    /// Interventional values of a log-odds model in probability space: each background row's
    /// values scaled by (σ(row margin) − σ(background margin)) / (row margin − background margin),
    /// then averaged, so they add up to σ(row margin) − the mean background probability.
    private func explainProbability(_ rows: FeatureMatrix, background: FeatureMatrix) -> Explanation {
        func margin(_ row: ArraySlice<Float>) -> Double {
            var scores = [Double](repeating: 0, count: targets)
            trees.addRawScores(of: row, into: &scores)
            return constants[0] + factors[0] * scores[sources[0]]
        }
        let referenceMargins = (0 ..< background.rows).map { margin(background[row: $0]) }
        let base = referenceMargins.reduce(0) { $0 + Self.logistic($1) } / Double(background.rows)
        var scratch = trees.interventionalScratch(features: featureCount)
        var pair = [Double](repeating: 0, count: featureCount * targets)
        var explained: [Explanation.Row] = []
        explained.reserveCapacity(rows.rows)
        for index in 0 ..< rows.rows {
            let row = rows[row: index]
            let rowMargin = margin(row)
            var values = [Double](repeating: 0, count: featureCount)
            for reference in 0 ..< background.rows {
                for position in pair.indices { pair[position] = 0 }
                trees.addInterventionalShap(of: row, against: background[row: reference], targets: targets, scratch: &scratch, into: &pair)
                let referenceMargin = referenceMargins[reference]
                let scale = rowMargin == referenceMargin ? 1 : (Self.logistic(rowMargin) - Self.logistic(referenceMargin)) / (rowMargin - referenceMargin)
                for feature in 0 ..< featureCount { values[feature] += factors[0] * pair[feature * targets + sources[0]] * scale }
            }
            for feature in values.indices { values[feature] /= Double(background.rows) }
            let output = Self.logistic(rowMargin)
            explained.append(Explanation.Row(outputs: [output], values: [values], additivityError: abs(base + values.reduce(0, +) - output)))
        }
        return Explanation(outputs: [ExplainedOutput(name: outputs[0].name, space: "probability")], baseValues: [base], rows: explained)
    }

    /// 1 / (1 + e^−x), in doubles as shap computes it.
    private static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
