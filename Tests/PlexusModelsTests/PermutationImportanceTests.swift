import Foundation
import PlexusCore
import PlexusModels
import Testing

/// scripts/reference/permutation_importance_fixtures.py: scikit-learn's `permutation_importance`
/// on zoo models run through onnxruntime, with the shuffles it drew recorded, so the same
/// permutations replayed here must give the same baseline and drops.
@Suite("Permutation importance equals scikit-learn's")
struct PermutationImportanceTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let scoring: String
        let rows: [[Float]]
        let targets: [JSONValue]
        let baseline: Double
        let importances: [[Double]]
        let importancesMean: [Double]
        let importancesStd: [Double]

        var testDescription: String { "\(name) (\(scoring))" }
    }

    private struct Document: Decodable {
        let shuffles: [[Int]]
        let cases: [Case]
    }

    private static func document() throws -> Document {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("permutation_importance.json")))
    }

    static func cases() throws -> [Case] { try document().cases }

    @Test("The baseline, every drop, the means and the standard deviations equal scikit-learn's on the same shuffles", arguments: try cases())
    func matchesScikitLearn(_ reference: Case) throws {
        let model = try ONNXModel(bytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent(reference.file)))
        let importance = try PermutationImportance(model: model)
        let scoring = try #require(PermutationImportance.Scoring(rawValue: reference.scoring))
        let rows = FeatureMatrix(rows: reference.rows)
        let result = try importance.compute(rows, targets: reference.targets, scoring: scoring, shuffles: try Self.document().shuffles)
        // Labels are compared exactly, so label scores agree to rounding; values agree with
        // onnxruntime's to 1e-6 (averaged trees are not always bit for bit), and a score of them
        // moves by at most about 2·|error|·1e-6, so 1e-6 of the score's size.
        let tolerance = scoring.comparesLabels ? 1e-12 : 1e-6 * max(1, abs(reference.baseline))
        #expect(abs(result.baseline - reference.baseline) <= tolerance, "baseline \(result.baseline) vs \(reference.baseline)")
        for (feature, drops) in reference.importances.enumerated() {
            for (repeatIndex, drop) in drops.enumerated() {
                #expect(abs(result.importances[feature][repeatIndex] - drop) <= tolerance, "feature \(feature) repeat \(repeatIndex)")
            }
            #expect(abs(result.means[feature] - reference.importancesMean[feature]) <= tolerance)
            #expect(abs(result.standardDeviations[feature] - reference.importancesStd[feature]) <= tolerance)
        }
    }

    @Test("Seeded shuffles repeat for a seed and differ between seeds; bad targets are refused by field")
    func seededAndRefusals() throws {
        #expect(PermutationImportance.shuffles(rows: 50, repeats: 3, seed: 7) == PermutationImportance.shuffles(rows: 50, repeats: 3, seed: 7))
        #expect(PermutationImportance.shuffles(rows: 50, repeats: 3, seed: 7) != PermutationImportance.shuffles(rows: 50, repeats: 3, seed: 8))
        #expect(PermutationImportance.shuffles(rows: 50, repeats: 2, seed: 7).allSatisfy { Set($0) == Set(0 ..< 50) })
        let reference = try #require(try Self.cases().first { $0.scoring == "accuracy" })
        let model = try ONNXModel(bytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent(reference.file)))
        let importance = try PermutationImportance(model: model)
        let rows = FeatureMatrix(rows: reference.rows)
        let short = #expect(throws: ModelError.self) { try importance.compute(rows, targets: [1], scoring: .accuracy, shuffles: []) }
        #expect(Self.field(of: short) == "targets")
        let fractional = #expect(throws: ModelError.self) {
            try importance.compute(rows, targets: Array(repeating: .number(0.5), count: rows.rows), scoring: .accuracy, shuffles: [])
        }
        #expect(Self.field(of: fractional) == "targets")
    }

    private static func field(of error: ModelError?) -> String? {
        if case let .invalidRequest(field, _)? = error { field } else { nil }
    }
}
