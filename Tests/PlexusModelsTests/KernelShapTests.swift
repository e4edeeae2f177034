import Foundation
@testable import PlexusModels
import PlexusCore
import PlexusStats
import Testing

/// scripts/reference/kernel_shap_fixtures.py: shap.KernelExplainer's values for zoo models, with
/// onnxruntime running the ONNX file as the model function. Every coalition of the 6 features
/// is enumerated, so both sides are exact and must agree within 1e-6 × max(1, |output|).
@Suite("KernelSHAP equals shap's KernelExplainer")
struct KernelShapTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let rows: [[Float]]
        let background: [[Float]]
        let baseValues: [Double]
        /// `values[row][output][feature]`.
        let values: [[[Double]]]
        let tolerance: Double

        var testDescription: String { name }
    }

    private struct Document: Decodable {
        let cases: [Case]
    }

    static func cases() throws -> [Case] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("kernel_shap.json"))).cases
    }

    private static func explainer(_ file: String) throws -> KernelShapExplainer {
        try KernelShapExplainer(model: ONNXModel(bytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent(file))))
    }

    @Test("Values and base values equal shap's with every coalition enumerated, and add up to the output", arguments: try cases())
    func matchesShap(_ reference: Case) throws {
        let explainer = try Self.explainer(reference.file)
        let (explanation, settings) = try explainer.explain(FeatureMatrix(rows: reference.rows), background: FeatureMatrix(rows: reference.background), options: [:])
        #expect(settings["enumerated"] == .bool(true) && settings["nsamples"] == .number(2_060))
        for (got, want) in zip(explanation.baseValues, reference.baseValues) {
            #expect(abs(got - want) <= reference.tolerance, "base value \(got) vs shap's \(want)")
        }
        #expect(explanation.outputs.count == reference.baseValues.count)
        var largest = 0.0
        for (row, want) in zip(explanation.rows, reference.values) {
            #expect(row.standardErrors == nil, "enumerated values are exact")
            for (ours, theirs) in zip(row.values, want) {
                for (a, b) in zip(ours, theirs) { largest = max(largest, abs(a - b)) }
            }
            #expect(row.additivityError <= 1e-9 * max(1, row.outputs.map(abs).max() ?? 1))
        }
        #expect(largest <= reference.tolerance, "largest difference from shap: \(largest)")
    }

    @Test("Sampled coalitions are seeded, report standard errors, and come close to the exact values")
    func sampled() throws {
        let reference = try #require(try Self.cases().first { $0.name == "logistic_multiclass" })
        let explainer = try Self.explainer(reference.file)
        let rows = FeatureMatrix(rows: reference.rows)
        let background = FeatureMatrix(rows: reference.background)
        let first = try explainer.explain(rows, background: background, budget: 40, seed: 7)
        let again = try explainer.explain(rows, background: background, budget: 40, seed: 7)
        let other = try explainer.explain(rows, background: background, budget: 40, seed: 8)
        #expect(first == again, "the same seed gives the same values")
        #expect(first != other, "another seed draws other coalitions")
        for (row, exact) in zip(first.rows, reference.values) {
            let errors = try #require(row.standardErrors)
            #expect(errors.allSatisfy { $0.allSatisfy { $0.isFinite && $0 >= 0 } } && errors.contains { $0.contains { $0 > 0 } })
            #expect(row.additivityError < 1e-9, "the efficiency constraint holds exactly even when sampled")
            for (ours, theirs) in zip(row.values, exact) {
                for (a, b) in zip(ours, theirs) { #expect(abs(a - b) < 0.05, "\(a) vs exact \(b)") }
            }
        }
    }

    @Test("A feature equal in the row and every background row gets zero; so do all when nothing varies")
    func constantFeatures() throws {
        let explainer = try Self.explainer("zoo/logistic_binary.onnx")
        let background = FeatureMatrix(rows: [[1, 2, 3, 4, 5, 6], [1, 0, 3, 4, 5, 6]])
        let (explanation, _) = try explainer.explain(FeatureMatrix(rows: [[1, 2.5, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]), background: background, options: [:])
        let varying = explanation.rows[0]
        #expect(varying.values.allSatisfy { values in values.indices.allSatisfy { $0 == 1 || values[$0] == 0 } })
        #expect(varying.additivityError < 1e-12, "one varying feature takes the whole gap")
        #expect(KernelShapExplainer.varyingFeatures(FeatureMatrix(rows: [[1, 2, 3, 4, 5, 6]])[row: 0], background: background) == [1])
        let same = FeatureMatrix(rows: [[1, 2, 3, 4, 5, 6]])
        let (nothing, _) = try explainer.explain(same, background: same, options: [:])
        #expect(nothing.rows[0].values.allSatisfy { $0.allSatisfy { $0 == 0 } } && nothing.rows[0].additivityError < 1e-12)
    }

    @Test("Coalition plans enumerate whole sizes with their complements and weigh them by the Shapley kernel")
    func plans() {
        var generator = SystemRandomNumberGenerator()
        let full = ShapleyKernelSampler(features: 5, budget: 1_000).coalitions(using: &generator)
        #expect(full.enumerated && full.masks.count == 30 && Set(full.masks).count == 30)
        #expect(abs(full.weights.reduce(0, +) - 1) < 1e-12)
        // Size 1 and 4 share (M−1)/(1·4) of the kernel, size 2 and 3 (M−1)/(2·3).
        let single = full.weights[full.masks.firstIndex { $0.filter { $0 }.count == 1 }!]
        let pair = full.weights[full.masks.firstIndex { $0.filter { $0 }.count == 2 }!]
        #expect(abs(single / pair - (4.0 / 4) / (4.0 / 6) * 10 / 5) < 1e-12)
        var seeded = SeededRandomNumberGenerator(seed: 1)
        let partial = ShapleyKernelSampler(features: 8, budget: 40).coalitions(using: &seeded)
        #expect(!partial.enumerated && partial.masks.count <= 40 && Set(partial.masks).count == partial.masks.count)
        #expect(abs(partial.weights.reduce(0, +) - 1) < 1e-9)
        #expect(partial.masks.prefix(16).allSatisfy { [1, 7].contains($0.filter { $0 }.count) }, "sizes 1 and 7 are enumerated first")
    }
}
