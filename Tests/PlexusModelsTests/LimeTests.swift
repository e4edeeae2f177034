import Foundation
@testable import PlexusModels
import PlexusCore
import Testing

/// scripts/reference/lime_fixtures.py: lime's LimeTabularExplainer on the zoo's logistic
/// regressions over 50 rows. lime's draws cannot be reproduced, so what must agree is what the
/// weights say: the quartiles exactly, the features' mean |weight| ranked alike (Spearman ≥ 0.95;
/// it is 1 for every seed tried) and each within 0.01 of lime's.
@Suite("LIME agrees with lime")
struct LimeTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Row: Decodable, Sendable {
            let weights: [Double]
            let intercept: Double
            let score: Double
        }

        let name: String
        let file: String
        let label: Int
        let rows: [[Float]]
        let training: [[Float]]
        let quartiles: [[Double]]
        let explanations: [Row]
        let meanAbsWeights: [Double]

        var testDescription: String { name }
    }

    private struct Document: Decodable {
        let cases: [Case]
    }

    static func cases() throws -> [Case] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("lime.json"))).cases
    }

    private static func explainer(_ file: String) throws -> LimeExplainer {
        try LimeExplainer(model: ONNXModel(bytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent(file))))
    }

    /// Spearman's rank correlation of two vectors without ties.
    static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ values: [Double]) -> [Double] {
            var ranked = [Double](repeating: 0, count: values.count)
            for (rank, index) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { ranked[index] = Double(rank) }
            return ranked
        }
        let (x, y) = (ranks(a), ranks(b))
        let n = Double(a.count)
        let squared = zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return 1 - 6 * squared / (n * (n * n - 1))
    }

    @Test("Mean |weight| per feature over 50 rows ranks the features as lime does, with lime's quartiles", arguments: try cases())
    func matchesLime(_ reference: Case) throws {
        let explainer = try Self.explainer(reference.file)
        let background = FeatureMatrix(rows: reference.training)
        #expect(QuartileDiscretizer(background).features.map(\.cuts) == reference.quartiles)
        let (explanation, settings) = try explainer.explain(FeatureMatrix(rows: reference.rows), background: background, options: [:])
        #expect(settings["numSamples"] == 5_000 && settings["kernelWidth"]?.numberValue == 0.75 * 6.0.squareRoot())
        let ours = explanation.meanAbsoluteValues[reference.label]
        let correlation = Self.spearman(ours, reference.meanAbsWeights)
        #expect(correlation >= 0.95, "Spearman \(correlation): ours \(ours) vs lime's \(reference.meanAbsWeights)")
        // Beyond the ranking, each mean |weight| is close to lime's (both are Monte Carlo estimates over 5,000 draws a row).
        for (a, b) in zip(ours, reference.meanAbsWeights) { #expect(abs(a - b) < 0.01, "\(ours) vs lime's \(reference.meanAbsWeights)") }
        // The surrogates fit about as well as lime's do.
        let ourScore = explanation.rows.compactMap { $0.scores?[reference.label] }.reduce(0, +) / 50
        let theirScore = reference.explanations.map(\.score).reduce(0, +) / 50
        #expect(abs(ourScore - theirScore) < 0.1, "mean weighted R² \(ourScore) vs lime's \(theirScore)")
        #expect(explanation.rows.allSatisfy { $0.conditions?.count == 6 && $0.intercepts?.count == explanation.outputs.count })
    }

    @Test("The same seed gives the same weights bit for bit; another seed gives others")
    func reproducible() throws {
        let reference = try #require(try Self.cases().first)
        let explainer = try Self.explainer(reference.file)
        let rows = FeatureMatrix(rows: Array(reference.rows.prefix(3)))
        let background = FeatureMatrix(rows: reference.training)
        let first = try explainer.explain(rows, background: background, samples: 500, kernelWidth: 1.8, seed: 11)
        #expect(first == (try explainer.explain(rows, background: background, samples: 500, kernelWidth: 1.8, seed: 11)))
        #expect(first != (try explainer.explain(rows, background: background, samples: 500, kernelWidth: 1.8, seed: 12)))
    }

    @Test("Weighted ridge matches the closed form on a small problem, and bins are named as lime names them")
    func ridgeAndBins() throws {
        // y = 1 + 2·x0 − x1 exactly; with α = 0 the fit recovers it and R² is 1.
        let flags: [Bool] = [false, false, true, false, false, true, true, true, true, false]
        let targets: [Double] = [1, 3, 0, 2, 3]
        let design = WeightedRidge(flags: flags, features: 2)
        let fit = try #require(try design.fit(targets: [targets], weights: [1, 2, 1, 3, 1], alpha: 0).first)
        #expect(abs(fit.intercept - 1) < 1e-12 && abs(fit.coefficients[0] - 2) < 1e-12 && abs(fit.coefficients[1] + 1) < 1e-12 && abs(fit.score - 1) < 1e-12)
        let shrunk = try #require(try design.fit(targets: [targets], weights: [1, 2, 1, 3, 1], alpha: 1).first)
        #expect(abs(shrunk.coefficients[0]) < 2 && shrunk.score < 1)
        #expect(FeatureBin(lower: nil, upper: 0.5).condition(name: "age") == "age <= 0.50")
        #expect(FeatureBin(lower: 0.5, upper: 1.25).condition(name: "age") == "0.50 < age <= 1.25")
        #expect(FeatureBin(lower: 1.25, upper: nil).condition(name: "age") == "age > 1.25")
    }
}
