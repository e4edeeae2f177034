import Foundation
import Testing

/// One case of `Fixtures/comparison.json`, written by `scripts/reference/comparison_fixtures.py`
/// from statsmodels and scipy.
struct ComparisonCase: Decodable, Sendable, CustomTestStringConvertible {
    /// What statsmodels' `mcnemar` gave (with PlexusStats' convention where b + c = 0).
    struct McNemar: Decodable, Sendable {
        var exactStatistic: Int
        var exactPValue: Double
        var chiSquareStatistic: Double
        var chiSquarePValue: Double
    }

    /// What `scipy.stats.bootstrap(paired=True, method='percentile')` gave.
    struct Bootstrap: Decodable, Sendable {
        var difference: Double
        var lower: Double
        var upper: Double
        var resamples: Int
        var confidence: Double
    }

    var name: String
    var count: Int
    var table: PairedTable
    var mcnemar: McNemar
    var bootstrap: Bootstrap?
    var notes: [String]

    var testDescription: String { name }

    /// Every case in the fixture file.
    static func all() throws -> [ComparisonCase] {
        struct File: Decodable { var cases: [ComparisonCase] }
        guard let url = Bundle.module.url(forResource: "comparison", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing()
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    /// The cases that carry a scipy bootstrap interval.
    static func withBootstrap() throws -> [ComparisonCase] {
        try all().filter { $0.bootstrap != nil }
    }

    /// Thrown when the resource bundle lacks `Fixtures/comparison.json`.
    struct FixtureMissing: Error, CustomStringConvertible {
        var description: String {
            "Fixtures/comparison.json is not in the test bundle; check resources: [.copy(\"Fixtures\")] in Package.swift."
        }
    }
}
