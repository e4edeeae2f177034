import Foundation
import PlexusScoring
import Testing

/// One case of `Fixtures/ml_reference.json`, written by `scripts/reference/ml_fixtures.py` with scikit-learn.
struct MLReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Settings: Decodable, Sendable {
        var ngram_range: [Int]
        var min_df: Int
        var max_features: Int?
        var sublinear_tf: Bool
        var c: Double
        var alpha: Double
    }

    struct Row: Decodable, Sendable {
        var indices: [Int]
        var values: [Double]
    }

    var name: String
    var classes: [String]
    var settings: Settings
    var train_texts: [String]
    var train_labels: [String]
    var test_texts: [String]
    var vocabulary: [String]
    var idf: [Double]
    var transformed: [Row]
    var lr_proba: [[Double]]
    var nb_proba: [[Double]]

    var testDescription: String { name }

    /// Trainer settings equal to the case's, training on every text (nothing held out).
    func trainingSettings(_ algorithm: TextModelAlgorithm) -> TextModelSettings {
        TextModelSettings(
            algorithm: algorithm, ngramRange: settings.ngram_range[0]...settings.ngram_range[1], minDF: settings.min_df,
            maxFeatures: settings.max_features, sublinearTF: settings.sublinear_tf, c: settings.c, alpha: settings.alpha, testSize: 0)
    }

    /// A model trained like scikit-learn's on the case's training texts.
    func trainedModel(_ algorithm: TextModelAlgorithm) throws -> TextModel {
        TextModel(try TextModelTrainer(settings: trainingSettings(algorithm)).train(Array(zip(train_texts, train_labels)).map { (text: $0, label: $1) }))
    }

    /// Every case in the fixture file.
    static func all() throws -> [MLReferenceCase] {
        struct File: Decodable { var cases: [MLReferenceCase] }
        guard let url = Bundle.module.url(forResource: "ml_reference", withExtension: "json", subdirectory: "Fixtures") else {
            throw MLFixtureMissing()
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}

/// `Fixtures/ml_reference.json` is not in the test bundle.
struct MLFixtureMissing: Error {}

/// Expects every value of `actual` within `tolerance` of `expected`.
func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (got, want)) in zip(actual, expected).enumerated() where !(abs(got - want) <= tolerance) {
        Issue.record("\(what)[\(index)]: \(got) differs from \(want) by \(abs(got - want)) > \(tolerance)", sourceLocation: sourceLocation)
    }
}
