import Foundation
@testable import PlexusStats
import Testing

/// The agreement required with SciPy's values in `Fixtures/kolmogorov.json`, absolute; the same
/// tolerance `scripts/reference/kolmogorov_fixtures.py --check` applies to a fresh SciPy run.
private let kolmogorovTolerance = 1e-9

/// `Fixtures/kolmogorov.json`, written by `scripts/reference/kolmogorov_fixtures.py` from SciPy 1.12.
struct KolmogorovFixture: Decodable, Sendable {
    /// A pair of samples and what `scipy.stats.ks_2samp` gave for each alternative and method.
    struct SampleCase: Decodable, Sendable {
        var name: String
        var reference: [Double]
        var current: [Double]
        var results: [Expected]
        var notes: [String]
    }

    /// One `ks_2samp` result; `pathway` says whether SciPy went exact, asymptotic, or fell back.
    struct Expected: Decodable, Sendable {
        var alternative: Alternative
        var method: PValueMethod
        var pathway: String
        var statistic: Double
        var pValue: Double
    }

    /// `scipy.stats.kstwo.sf(x, n)` and `.cdf(x, n)`, with the `_kolmogn` branch each took.
    struct DistributionPoint: Decodable, Sendable, CustomTestStringConvertible {
        var n: Int
        var x: Double
        var sf: Double
        var cdf: Double
        var sfRegime: String
        var cdfRegime: String
        var testDescription: String { "n=\(n), x=\(x) (\(sfRegime) / \(cdfRegime))" }
    }

    /// `scipy.special.smirnov(n, x)`.
    struct SmirnovPoint: Decodable, Sendable, CustomTestStringConvertible {
        var n: Int
        var x: Double
        var sf: Double
        var testDescription: String { "n=\(n), x=\(x)" }
    }

    var tolerance: Double
    var cases: [SampleCase]
    var distribution: [DistributionPoint]
    var smirnov: [SmirnovPoint]

    /// The whole fixture file.
    static func load() throws -> KolmogorovFixture {
        guard let url = Bundle.module.url(forResource: "kolmogorov", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing()
        }
        return try JSONDecoder().decode(KolmogorovFixture.self, from: Data(contentsOf: url))
    }

    /// Every (sample pair, alternative, method) check, flattened for parameterised tests.
    static func checks() throws -> [Check] {
        try load().cases.flatMap { sample in sample.results.map { Check(sample: sample, expected: $0) } }
    }

    /// One `ks_2samp` call to reproduce.
    struct Check: Sendable, CustomTestStringConvertible {
        var sample: SampleCase
        var expected: Expected
        var testDescription: String {
            "\(sample.name): \(expected.alternative.rawValue), \(expected.method.rawValue) (\(expected.pathway))"
        }
    }

    /// Thrown when the resource bundle lacks `Fixtures/kolmogorov.json`.
    struct FixtureMissing: Error, CustomStringConvertible {
        var description: String {
            "Fixtures/kolmogorov.json is not in the test bundle; check resources: [.copy(\"Fixtures\")] in Package.swift."
        }
    }
}

@Suite("Kolmogorov–Smirnov against SciPy")
struct KolmogorovSmirnovTests {
    @Test("The fixture file loads and covers every pathway and regime")
    func fixtureLoads() throws {
        let fixture = try KolmogorovFixture.load()
        #expect(fixture.tolerance == kolmogorovTolerance)
        #expect(fixture.cases.count >= 40)
        #expect(Set(fixture.cases.map(\.name)).count == fixture.cases.count, "case names should be unique")
        let pathways = Set(fixture.cases.flatMap { $0.results.map(\.pathway) })
        #expect(pathways == ["exact", "asymptotic", "exact, then asymptotic"])
        let regimes = Set(fixture.distribution.flatMap { [$0.sfRegime, $0.cdfRegime] })
        #expect(regimes.count == 9, "regimes seen: \(regimes.sorted())")
    }

    @Test("Statistic and p-value match ks_2samp", arguments: try KolmogorovFixture.checks())
    func matchesSciPy(_ check: KolmogorovFixture.Check) throws {
        let result = try KolmogorovSmirnov.twoSample(
            check.sample.reference, check.sample.current,
            alternative: check.expected.alternative, method: check.expected.method
        )
        #expect(abs(result.statistic - check.expected.statistic) <= kolmogorovTolerance,
                "statistic \(result.statistic), SciPy \(check.expected.statistic)")
        #expect(abs(result.pValue - check.expected.pValue) <= kolmogorovTolerance,
                "p-value \(result.pValue), SciPy \(check.expected.pValue)")
    }

    @Test("Survival function and CDF match kstwo", arguments: try KolmogorovFixture.load().distribution)
    func matchesKSTwo(_ point: KolmogorovFixture.DistributionPoint) {
        let sf = KolmogorovDistribution.survival(n: point.n, x: point.x)
        let cdf = KolmogorovDistribution.cdf(n: point.n, x: point.x)
        #expect(abs(sf - point.sf) <= kolmogorovTolerance, "sf \(sf), SciPy \(point.sf)")
        #expect(abs(cdf - point.cdf) <= kolmogorovTolerance, "cdf \(cdf), SciPy \(point.cdf)")
    }

    @Test("One-sided survival matches scipy.special.smirnov", arguments: try KolmogorovFixture.load().smirnov)
    func matchesSmirnov(_ point: KolmogorovFixture.SmirnovPoint) {
        let sf = KolmogorovDistribution.smirnovSurvival(n: point.n, x: point.x)
        #expect(abs(sf - point.sf) <= kolmogorovTolerance, "smirnov \(sf), SciPy \(point.sf)")
    }
}

@Suite("Kolmogorov–Smirnov behaviour")
struct KolmogorovSmirnovBehaviourTests {
    private static let sample = [0.3, -1.2, 2.5, 0.3, 0.9, -0.4, 1.7, 0.0]

    @Test("Identical samples have statistic 0 and p-value 1", arguments: Alternative.allCases, PValueMethod.allCases)
    func identicalSamples(alternative: Alternative, method: PValueMethod) throws {
        let result = try KolmogorovSmirnov.twoSample(Self.sample, Self.sample, alternative: alternative, method: method)
        #expect(result == TwoSampleTestResult(statistic: 0, pValue: 1))
    }

    @Test("Disjoint samples have two-sided statistic 1 and a small exact p-value")
    func disjointSamples() throws {
        let shifted = Self.sample.map { $0 + 100 }
        let result = try KolmogorovSmirnov.twoSample(Self.sample, shifted)
        #expect(result.statistic == 1)
        // Only 2 of the C(16, 8) = 12870 equally likely orderings put one sample wholly first.
        #expect(abs(result.pValue - 2.0 / 12870) <= 1e-15)
    }

    @Test("Swapping the samples swaps less and greater")
    func swappingSamples() throws {
        let other = [0.8, 1.1, 2.9, -0.1, 3.3, 1.4]
        let less = try KolmogorovSmirnov.twoSample(Self.sample, other, alternative: .less)
        let greater = try KolmogorovSmirnov.twoSample(other, Self.sample, alternative: .greater)
        #expect(less == greater)
        #expect(try KolmogorovSmirnov.statistic(Self.sample, other, alternative: .less) == less.statistic)
    }

    @Test("An empty sample is refused, naming it")
    func emptySample() {
        #expect(throws: StatisticsError.tooFewObservations(sample: "current", needed: 1, got: 0)) {
            try KolmogorovSmirnov.twoSample(Self.sample, [])
        }
        #expect(throws: StatisticsError.tooFewObservations(sample: "reference", needed: 1, got: 0)) {
            try KolmogorovSmirnov.statistic([], Self.sample)
        }
    }

    @Test("NaN and infinities are refused, naming the sample and index", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteValue(_ bad: Double) {
        #expect(throws: StatisticsError.nonFiniteValue(sample: "reference", index: 2)) {
            try KolmogorovSmirnov.twoSample([1, 2, bad, 4], Self.sample)
        }
        #expect(throws: StatisticsError.nonFiniteValue(sample: "current", index: 0)) {
            try KolmogorovSmirnov.twoSample(Self.sample, [bad])
        }
    }

    @Test("The asymptotic two-sided p-value of two single observations is refused, not NaN")
    func singleObservations() throws {
        #expect(throws: StatisticsError.self) {
            try KolmogorovSmirnov.twoSample([1], [2], method: .asymptotic)
        }
        let exact = try KolmogorovSmirnov.twoSample([1], [2])
        #expect(exact == TwoSampleTestResult(statistic: 1, pValue: 1))
    }
}

@Suite("Radix sort of doubles")
struct RadixSortTests {
    @Test("Orders like the standard sort: negatives, zeros of both signs, subnormals, huge values, repeats")
    func matchesStandardSort() throws {
        var generator = SeededRandomNumberGenerator(seed: 9)
        let special: [Double] = [-0.0, 0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, 1, -1]
        for count in [10, 2_047, 2_048, 50_000] {
            let values = (0 ..< count).map { index -> Double in
                switch index % 4 {
                case 0: Double.random(in: -1e6 ... 1e6, using: &generator)
                case 1: Double(Int.random(in: -5 ... 5, using: &generator))
                case 2: Double.random(in: -1e-300 ... 1e-300, using: &generator)
                default: special[index % special.count]
                }
            }
            let sorted = try SortedSample(values).values
            // -0.0 and 0.0 compare equal, so the standard sort may order them either way; bit patterns aside, the sequences match.
            #expect(sorted == values.sorted(), "\(count) values")
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}
