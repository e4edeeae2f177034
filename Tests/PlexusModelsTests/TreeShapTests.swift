import Foundation
@testable import PlexusModels
import Testing

/// scripts/reference/tree_shap_fixtures.py: shap.TreeExplainer's values for the zoo's tree models,
/// computed on the original scikit-learn models, and for the interventional cases the exact values
/// by enumeration. Ours come from the ONNX files alone and must agree within
/// 1e-6 × max(1, |model output|) (the files hold float32 leaves), base values included. Where
/// shap's interventional algorithm departs from the enumeration (one row of the random forest),
/// ours must equal the enumeration. Binary boosted models are also explained in probability space.
@Suite("TreeSHAP from ONNX trees equals shap's")
struct TreeShapTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let perturbation: String
        /// `raw`, or `probability` for a binary boosted model's log-odds rescaled as shap does.
        let modelOutput: String
        let rows: [[Float]]
        let backgroundRows: Int
        let baseValues: [Double]
        /// `values[row][output][feature]`.
        let values: [[[Double]]]
        let tolerance: Double
        /// Interventional cases: the values by their definition (every coalition enumerated with
        /// scikit-learn's predictions), and the rows where shap's algorithm departs from them.
        let exactValues: [[[Double]]]?
        let rowsWhereShapDeparts: [Int]?

        var testDescription: String { "\(name), \(perturbation)" + (modelOutput == "raw" ? "" : ", \(modelOutput)") }
    }

    private struct Document: Decodable {
        let trainingRows: [String: [[Float]]]
        let cases: [Case]
    }

    private static func document() throws -> Document {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("tree_shap.json")))
    }

    static func cases() throws -> [Case] { try document().cases }

    private static func explainer(_ file: String) throws -> TreeShapExplainer {
        try TreeShapExplainer(model: ONNXModel(bytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent(file))))
    }

    /// The largest difference between two `[row][output][feature]` value sets, over `rows`.
    private static func largestDifference(_ ours: [Explanation.Row], _ theirs: [[[Double]]], rows: [Int]) -> Double {
        rows.map { row in
            zip(ours[row].values, theirs[row]).map { zip($0, $1).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
        }.max() ?? 0
    }

    @Test("Values and base values equal shap's and the exact enumeration, and every row adds up to the model's output", arguments: try cases())
    func matchesShap(_ reference: Case) throws {
        let training = try #require(try Self.document().trainingRows[reference.name])
        let explainer = try Self.explainer(reference.file)
        let perturbation = try #require(TreeShapExplainer.Perturbation(rawValue: reference.perturbation))
        let explanation = try explainer.explain(
            FeatureMatrix(rows: reference.rows), background: FeatureMatrix(rows: Array(training.prefix(reference.backgroundRows))), perturbation: perturbation,
            probability: reference.modelOutput == "probability")
        if reference.modelOutput == "probability" { #expect(explanation.outputs.map(\.space) == ["probability"]) }
        #expect(explanation.outputs.count == reference.baseValues.count)
        for (got, want) in zip(explanation.baseValues, reference.baseValues) {
            #expect(abs(got - want) <= reference.tolerance, "base value \(got) vs shap's \(want)")
        }
        #expect(explanation.rows.count == reference.values.count)
        let departing = Set(reference.rowsWhereShapDeparts ?? [])
        let agreeing = reference.values.indices.filter { !departing.contains($0) }
        let fromShap = Self.largestDifference(explanation.rows, reference.values, rows: agreeing)
        #expect(fromShap <= reference.tolerance, "largest difference from shap: \(fromShap)")
        if let exact = reference.exactValues {
            let fromExact = Self.largestDifference(explanation.rows, exact, rows: Array(exact.indices))
            #expect(fromExact <= reference.tolerance, "largest difference from the enumeration: \(fromExact)")
        }
        for (index, row) in explanation.rows.enumerated() {
            #expect(row.additivityError <= 1e-9 * max(1, row.outputs.map(abs).max() ?? 1), "row \(index) adds up to within \(row.additivityError)")
        }
    }

    @Test("Output spaces follow the model family, named by class")
    func outputSpaces() throws {
        let forest = try Self.explainer("zoo/random_forest.onnx")
        #expect(forest.outputs == [ExplainedOutput(name: "0", space: "probability"), ExplainedOutput(name: "1", space: "probability")])
        #expect(try Self.explainer("zoo/gradient_boosting_binary.onnx").outputs == [ExplainedOutput(name: "1", space: "log_odds")])
        #expect(try Self.explainer("zoo/gradient_boosting_multiclass.onnx").outputs.map(\.space) == ["margin", "margin", "margin"])
        #expect(try Self.explainer("zoo/named_class_forest.onnx").outputs.map(\.name) == ["churn", "stay"])
        #expect(try Self.explainer("zoo/random_forest_regression.onnx").outputs == [ExplainedOutput(name: "value", space: "value")])
    }

    /// shap does not explain multi-class GradientBoostingClassifier, so this model is checked by
    /// what must hold: the values add up to each class's margin, and every class has some.
    @Test("Multi-class boosted trees add up to each class's margin")
    func multiclassBoosting() throws {
        let explainer = try Self.explainer("zoo/gradient_boosting_multiclass.onnx")
        let training = try #require(try Self.document().trainingRows["decision_tree"])
        let rows = FeatureMatrix(rows: Array(training.suffix(10)))
        for perturbation in TreeShapExplainer.Perturbation.allCases {
            let explanation = try explainer.explain(rows, background: FeatureMatrix(rows: Array(training.prefix(60))), perturbation: perturbation)
            #expect(explanation.largestAdditivityError < 1e-9)
            #expect(explanation.rows.allSatisfy { $0.values.allSatisfy { $0.contains { $0 != 0 } } })
        }
    }

    /// BRANCH_MEMBER nodes run as chains of BRANCH_EQ links on one feature; TreeSHAP explains
    /// them as it explains any branches, and every row still adds up to the model's output.
    @Test("Set-membership trees (opset 5's BRANCH_MEMBER) are explained, each row adding up")
    func branchMember() throws {
        let reference = try #require(try OperatorTests.cases().first { $0.name == "tree_ensemble_branch_member" })
        let explainer = try TreeShapExplainer(model: ONNXModel(bytes: try #require(Data(base64Encoded: reference.model))))
        let input = try #require(reference.inputs["X"])
        let rows = FeatureMatrix(values: input.values.map { Float($0.number) }, rows: input.shape[0], columns: input.shape[1])
        for perturbation in TreeShapExplainer.Perturbation.allCases {
            let explanation = try explainer.explain(rows, background: rows, perturbation: perturbation)
            #expect(explanation.largestAdditivityError < 1e-9, "\(perturbation)")
            let expected = try #require(reference.outputs["Y"]).values.map(\.number)
            #expect(explanation.rows.map { $0.outputs[0] } == expected)
        }
    }

    /// The per-leaf tables and Lundberg's recursion must agree on every model, including a
    /// background of three rows, which leaves most branches with no background row (zero covers).
    @Test("Path-dependent values from leaf tables equal the recursion's, with zero covers too",
          arguments: ["random_forest", "extra_trees", "gradient_boosting_multiclass", "xgboost_binary", "lightgbm_multiclass", "random_forest_regression"])
    func leafTablesMatchRecursion(_ name: String) throws {
        let explainer = try Self.explainer("zoo/\(name).onnx")
        let training = try #require(try Self.document().trainingRows[name] ?? Self.document().trainingRows["decision_tree"])
        let rows = FeatureMatrix(rows: Array(training.suffix(40)))
        for backgroundRows in [3, training.count] {
            let covers = explainer.trees.covers(of: FeatureMatrix(rows: Array(training.prefix(backgroundRows))))
            if backgroundRows == 3 { #expect(covers.contains(0)) }
            let tables = try #require(LeafPatternShap(trees: explainer.trees, covers: covers, features: rows.columns, targets: explainer.targets))
            let tabled = tables.shap(of: rows)
            var scratch = explainer.trees.pathScratch()
            let width = rows.columns * explainer.targets
            for index in 0 ..< rows.rows {
                var recursed = [Double](repeating: 0, count: width)
                explainer.trees.addPathDependentShap(of: rows[row: index], covers: covers, targets: explainer.targets, scratch: &scratch, into: &recursed)
                let scale = max(1, recursed.map(abs).max() ?? 0)
                for (a, b) in zip(tabled[index * width ..< (index + 1) * width], recursed) {
                    #expect(abs(a - b) <= 1e-9 * scale, "\(name), \(backgroundRows) background rows, row \(index): \(a) vs \(b)")
                }
            }
        }
    }

    /// onnx_operators.json rewrites zoo regressors' trees as opset 5's TreeEnsemble (XGBoost's
    /// base value folded into its first tree's leaves); the same trees must explain the same.
    @Test("TreeSHAP over opset 5's TreeEnsemble equals TreeSHAP over the trees it was rewritten from", arguments: ["xgboost_regression", "random_forest_regression"])
    func treeEnsembleOpset5(_ name: String) throws {
        let operators = try OperatorTests.cases()
        let rewritten = try #require(operators.first { $0.name == "tree_ensemble_\(name)" })
        let opset5 = try TreeShapExplainer(model: ONNXModel(bytes: try #require(Data(base64Encoded: rewritten.model))))
        let original = try Self.explainer("zoo/\(name).onnx")
        let input = try #require(rewritten.inputs["X"])
        let rows = FeatureMatrix(values: input.values.map { Float($0.number) }, rows: input.shape[0], columns: input.shape[1])
        let training = try #require(try Self.document().trainingRows[name])
        let background = FeatureMatrix(rows: Array(training.prefix(50)))
        for perturbation in TreeShapExplainer.Perturbation.allCases {
            let ours = try opset5.explain(rows, background: background, perturbation: perturbation)
            let theirs = try original.explain(rows, background: background, perturbation: perturbation)
            let scale = max(1, theirs.rows.flatMap(\.outputs).map(abs).max() ?? 1)
            #expect(abs(ours.baseValues[0] - theirs.baseValues[0]) <= 1e-5 * scale, "\(perturbation): base \(ours.baseValues) vs \(theirs.baseValues)")
            #expect(Self.largestDifference(ours.rows, theirs.rows.map(\.values), rows: Array(0 ..< rows.rows)) <= 1e-5 * scale, "\(perturbation)")
            #expect(ours.largestAdditivityError <= 1e-9 * scale)
        }
    }

    @Test("Models that are not one tree ensemble over the input are refused, naming what to use instead")
    func refusals() throws {
        for file in ["zoo/logistic_binary.onnx", "zoo/column_pipeline.onnx", "zoo/mlp_binary.onnx"] {
            #expect {
                _ = try Self.explainer(file)
            } throws: { error in
                guard case let .notExplainable(method, reason)? = error as? ModelError else { return false }
                return method == "tree_shap" && reason.contains("kernel_shap")
            }
        }
        let forest = try Self.explainer("zoo/random_forest.onnx")
        #expect(throws: ModelError.self) {
            _ = try forest.explain(FeatureMatrix(rows: [[1, 2]]), background: FeatureMatrix(rows: [[1, 2, 3, 4, 5, 6]]), perturbation: .interventional)
        }
        #expect(throws: ModelError.self) {
            _ = try forest.explain(FeatureMatrix(rows: [[1, 2, 3, 4, 5, 6]]), background: FeatureMatrix(values: [], rows: 0, columns: 6), perturbation: .treePathDependent)
        }
    }
}
