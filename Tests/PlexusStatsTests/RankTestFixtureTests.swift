import Foundation
import PlexusStats
import Testing

/// One case of `Fixtures/rank_tests.json`, written by `scripts/reference/rank_test_fixtures.py`
/// from SciPy 1.12: a test, the samples it reads and what SciPy computed for them.
struct RankTestCase: Decodable, Sendable, CustomTestStringConvertible {
    /// Which SciPy function produced the case.
    enum Kind: String, Decodable, Sendable {
        case mannWhitneyU = "mannwhitneyu"
        case cramerVonMises = "cramervonmises"
        case andersonDarling = "anderson"
    }

    /// What SciPy returned; the two-sample tests fill `pValue`, Anderson–Darling the rest.
    struct Expected: Decodable, Sendable {
        var statistic: Double
        var pValue: Double?
        var criticalValues: [Double]?
        var significanceLevel: Double?
    }

    var name: String
    var test: Kind
    /// Ids into the file's shared `samples`, resolved into ``samples`` on loading.
    var sampleIDs: [String]
    var samples: [[Double]] = []
    var alternative: Alternative?
    var method: PValueMethod?
    var continuity: Bool?
    var midrank: Bool?
    var expected: Expected
    var notes: [String]

    var testDescription: String { name }

    private enum CodingKeys: String, CodingKey {
        case name, test, sampleIDs = "samples", alternative, method, continuity, midrank, expected, notes
    }

    /// The whole file: the shared samples by id, the cases and the tolerance the generator checks.
    private struct File: Decodable {
        var tolerance: Double
        var samples: [String: [Double]]
        var cases: [RankTestCase]
    }

    /// The file decoded once; every parameterized test reads the same cases.
    private static let file = Result { () throws -> File in
        guard let url = Bundle.module.url(forResource: "rank_tests", withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing()
        }
        var file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        for index in file.cases.indices {
            file.cases[index].samples = try file.cases[index].sampleIDs.map { id in
                guard let values = file.samples[id] else { throw UnknownSample(id: id) }
                return values
            }
        }
        return file
    }

    /// Every case in the fixture file.
    static func all() throws -> [RankTestCase] { try file.get().cases }

    /// The cases of one test.
    static func all(_ kind: Kind) throws -> [RankTestCase] { try all().filter { $0.test == kind } }

    /// The absolute tolerance the generator's `--check` applies.
    static func generatorTolerance() throws -> Double { try file.get().tolerance }

    /// Thrown when the resource bundle lacks `Fixtures/rank_tests.json`.
    struct FixtureMissing: Error, CustomStringConvertible {
        var description: String {
            "Fixtures/rank_tests.json is not in the test bundle; check resources: [.copy(\"Fixtures\")] in Package.swift."
        }
    }

    /// Thrown when a case names a sample the file does not hold.
    struct UnknownSample: Error, CustomStringConvertible {
        var id: String
        var description: String { "rank_tests.json has no sample \"\(id)\"; regenerate it with --out." }
    }
}

/// Mann–Whitney U, Cramér–von Mises and k-sample Anderson–Darling against SciPy 1.12 on the
/// same inputs.
@Suite("Rank tests agree with SciPy")
struct RankTestFixtureTests {
    /// Agreement required with SciPy: 1e-9 absolute, loosened to 1e-12 relative for large
    /// statistics (U reaches 10⁸ at 20,000 observations per sample).
    static let absoluteTolerance = 1e-9
    /// See ``absoluteTolerance``.
    static let relativeTolerance = 1e-12

    /// Expects `actual` within tolerance of `expected`, naming `what` on failure.
    private func expectAgrees(
        _ actual: Double, _ expected: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let allowed = max(Self.absoluteTolerance, Self.relativeTolerance * abs(expected))
        #expect(abs(actual - expected) <= allowed, "\(what): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
    }

    @Test("The fixture file loads every case and sample")
    func fixtureLoads() throws {
        let cases = try RankTestCase.all()
        #expect(cases.count >= 150)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names should be unique")
        #expect(try RankTestCase.generatorTolerance() == Self.absoluteTolerance)
        for kind in [RankTestCase.Kind.mannWhitneyU, .cramerVonMises, .andersonDarling] {
            #expect(try RankTestCase.all(kind).count >= 20, "too few \(kind) cases")
        }
        #expect(cases.contains { $0.samples.contains { $0.count == 20_000 } }, "the large cases are missing")
    }

    @Test("Mann–Whitney U matches scipy.stats.mannwhitneyu", arguments: try RankTestCase.all(.mannWhitneyU))
    func mannWhitneyU(_ reference: RankTestCase) throws {
        let result = try MannWhitneyU.test(
            reference.samples[0], reference.samples[1], alternative: reference.alternative ?? .twoSided,
            method: reference.method ?? .auto, continuityCorrection: reference.continuity ?? true)
        expectAgrees(result.statistic, reference.expected.statistic, "U")
        expectAgrees(result.pValue, try #require(reference.expected.pValue), "p-value")
    }

    @Test("Cramér–von Mises matches scipy.stats.cramervonmises_2samp", arguments: try RankTestCase.all(.cramerVonMises))
    func cramerVonMises(_ reference: RankTestCase) throws {
        let result = try CramerVonMises.twoSample(reference.samples[0], reference.samples[1], method: reference.method ?? .auto)
        expectAgrees(result.statistic, reference.expected.statistic, "T")
        expectAgrees(result.pValue, try #require(reference.expected.pValue), "p-value")
    }

    @Test("Anderson–Darling matches scipy.stats.anderson_ksamp", arguments: try RankTestCase.all(.andersonDarling))
    func andersonDarling(_ reference: RankTestCase) throws {
        let result = try AndersonDarling.kSample(reference.samples, midrank: reference.midrank ?? true)
        expectAgrees(result.statistic, reference.expected.statistic, "statistic")
        let critical = try #require(reference.expected.criticalValues)
        #expect(result.criticalValues.count == critical.count)
        for (index, (actual, expected)) in zip(result.criticalValues, critical).enumerated() {
            expectAgrees(actual, expected, "critical value \(index)")
        }
        expectAgrees(result.significanceLevel, try #require(reference.expected.significanceLevel), "significance level")
    }
}

/// Behaviours checked by hand rather than against SciPy, and the inputs the tests refuse.
@Suite("Rank tests by hand")
struct RankTestBehaviourTests {
    @Test("Separated samples give U = 0 and the exact two-sided p-value 2 / C(6, 3)")
    func mannWhitneySeparated() throws {
        let result = try MannWhitneyU.test([1, 2, 3], [4, 5, 6])
        #expect(result.statistic == 0)
        #expect(abs(result.pValue - 0.1) < 1e-15)
    }

    @Test("Swapping the samples turns U₁ into mn − U₁ and 'less' into 'greater'")
    func mannWhitneySymmetry() throws {
        let x = [0.3, 1.7, 2.2, 4.1, 5.0], y = [1.1, 1.9, 3.3, 3.8, 6.2, 7.0]
        let forward = try MannWhitneyU.test(x, y, alternative: .less)
        let backward = try MannWhitneyU.test(y, x, alternative: .greater)
        #expect(forward.statistic + backward.statistic == 30)
        #expect(abs(forward.pValue - backward.pValue) < 1e-15)
    }

    @Test("The exact null distribution of U sums to one")
    func mannWhitneyExactTotal() throws {
        // U₁ = 0 with 'greater' asks for P(U ≥ 0), the whole distribution.
        let result = try MannWhitneyU.test([1, 2, 3, 4, 5, 6, 7, 8], Array(stride(from: 10.0, to: 40, by: 1)), alternative: .greater)
        #expect(result.statistic == 0)
        #expect(abs(result.pValue - 1) < 1e-12)
    }

    @Test("Identical samples without continuity correction give p = 1 where SciPy gives NaN")
    func mannWhitneyConstant() throws {
        let result = try MannWhitneyU.test([2, 2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], continuityCorrection: false)
        #expect(result.statistic == 45)
        #expect(result.pValue == 1)
    }

    @Test("Two fully separated pairs give T = 0.375 and the exact p-value 2 / C(4, 2)")
    func cramerVonMisesSeparated() throws {
        let result = try CramerVonMises.twoSample([1, 2], [3, 4])
        #expect(abs(result.statistic - 0.375) < 1e-15)
        #expect(abs(result.pValue - 1.0 / 3) < 1e-15)
    }

    @Test("Cramér–von Mises depends only on ranks and not on the order of the samples")
    func cramerVonMisesInvariance() throws {
        let x = [0.3, 1.7, 2.2, 4.1, 5.0, 9.5], y = [1.1, 1.9, 3.3, 3.8, 6.2, 7.0, 8.8]
        let plain = try CramerVonMises.twoSample(x, y, method: .asymptotic)
        let transformed = try CramerVonMises.twoSample(y.map { exp($0) }, x.map { exp($0) }, method: .asymptotic)
        #expect(abs(plain.statistic - transformed.statistic) < 1e-15)
        #expect(abs(plain.pValue - transformed.pValue) < 1e-15)
    }

    @Test("Two-sample Anderson–Darling critical values are Scholz and Stephens' b₀ + b₁ + b₂")
    func andersonDarlingCriticalValues() throws {
        let result = try AndersonDarling.kSample([[1, 2, 3, 4], [2.5, 3.5, 5, 6]])
        let expected = [0.325, 1.226, 1.961, 2.718, 3.752, 4.592, 6.546]
        #expect(zip(result.criticalValues, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(AndersonDarling.significanceLevels == [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001])
    }

    @Test("The order of the samples does not change Anderson–Darling")
    func andersonDarlingOrder() throws {
        let a = [0.3, 1.7, 2.2, 4.1, 5.0], b = [1.1, 1.9, 3.3, 3.8, 6.2, 7.0], c = [2.0, 2.0, 5.5, 8.1]
        let first = try AndersonDarling.kSample([a, b, c])
        let second = try AndersonDarling.kSample([c, a, b])
        #expect(abs(first.statistic - second.statistic) < 1e-12)
        #expect(first.significanceLevel == second.significanceLevel)
    }

    @Test("Empty and one-observation samples are refused")
    func tooFew() {
        #expect(throws: StatisticsError.tooFewObservations(sample: "x", needed: 1, got: 0)) { try MannWhitneyU.test([], [1]) }
        #expect(throws: StatisticsError.tooFewObservations(sample: "y", needed: 2, got: 1)) { try CramerVonMises.twoSample([1, 2], [3]) }
        #expect(throws: StatisticsError.tooFewObservations(sample: "2nd", needed: 1, got: 0)) { try AndersonDarling.kSample([[1, 2], [], [3, 4]]) }
        #expect(throws: StatisticsError.tooFewObservations(sample: "pooled", needed: 4, got: 3)) { try AndersonDarling.kSample([[1, 2], [3]]) }
    }

    @Test("NaN and infinities are refused with their position, where SciPy would propagate NaN")
    func nonFinite() {
        #expect(throws: StatisticsError.nonFiniteValue(sample: "y", index: 2)) { try MannWhitneyU.test([1, 2], [3, 4, .nan]) }
        #expect(throws: StatisticsError.nonFiniteValue(sample: "x", index: 0)) { try CramerVonMises.twoSample([.infinity, 2], [3, 4]) }
        #expect(throws: StatisticsError.nonFiniteValue(sample: "3rd", index: 1)) { try AndersonDarling.kSample([[1, 2], [3, 4], [5, -.infinity]]) }
    }

    @Test("Anderson–Darling needs two samples and two distinct values")
    func andersonDarlingRefusals() throws {
        #expect(throws: StatisticsError.invalidParameter(name: "the number of samples", value: "1", allowed: "at least 2")) {
            try AndersonDarling.kSample([[1, 2, 3, 4]])
        }
        let error = #expect(throws: StatisticsError.self) { try AndersonDarling.kSample([[3, 3, 3], [3, 3]]) }
        #expect(error?.description.contains("all equal to 3.0") == true)
    }

    @Test("An exact p-value too large to enumerate is refused rather than hanging")
    func exactTooLarge() {
        let x = (0..<1_500).map(Double.init), y = x.map { $0 + 0.5 }
        #expect(throws: StatisticsError.self) { try MannWhitneyU.test(x, y, method: .exact) }
        let z = (0..<40).map(Double.init), w = z.map { $0 + 0.5 }
        #expect(throws: StatisticsError.self) { try CramerVonMises.twoSample(z, w, method: .exact) }
    }
}
