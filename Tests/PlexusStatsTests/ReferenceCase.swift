import Foundation
import Testing

/// One case of `Fixtures/metrics.json`, written by `scripts/reference/metrics_fixtures.py`
/// from scikit-learn and irrCAC.
struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    /// What scikit-learn (and irrCAC) computed for the inputs.
    struct Expected: Decodable, Sendable {
        var labels: [String]
        var confusionMatrix: [[Int]]
        var total: Int
        var accuracy: Double
        var perClass: PerClass
        var macro: Averages
        var micro: Averages
        var weighted: Averages
        var cohensKappa: Double
        var matthewsCorrelation: Double
        var gwetsAC1: Double
    }

    /// Per-label arrays, in the order of `Expected.labels`.
    struct PerClass: Decodable, Sendable {
        var precision: [Double]
        var recall: [Double]
        var f1: [Double]
        var specificity: [Double]
        var support: [Int]
    }

    /// One kind of average.
    struct Averages: Decodable, Sendable {
        var precision: Double
        var recall: Double
        var f1: Double
        var specificity: Double
    }

    var name: String
    var actual: [String]
    var predicted: [String]
    var labels: [String]?
    var expected: Expected
    var notes: [String]

    var testDescription: String { name }

    /// Every case in the fixture file.
    static func all() throws -> [ReferenceCase] {
        struct File: Decodable { var cases: [ReferenceCase] }
        guard let url = Bundle.module.url(forResource: "metrics", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing()
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    /// Thrown when the resource bundle lacks `Fixtures/metrics.json`.
    struct FixtureMissing: Error, CustomStringConvertible {
        var description: String {
            "Fixtures/metrics.json is not in the test bundle; check resources: [.copy(\"Fixtures\")] in Package.swift."
        }
    }
}
