import PlexusStats
import Testing

/// Column statistics against pandas and NumPy (`scripts/reference/describe_fixtures.py`).
@Suite("Column statistics agree with pandas")
struct DescribeFixtureTests {
    /// Every statistic agrees with pandas to this (relative once a value exceeds 1).
    private let tolerance = 1e-9

    struct Document: Decodable {
        var numeric: [NumericCase]
        var categorical: [CategoricalCase]
    }

    struct NumericCase: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            var count: Int, missing: Int, distinct: Int
            var mean: Double?, std: Double?, min: Double?, max: Double?
            var quantiles: [Double]
            var skewness: Double?, kurtosis: Double?
            var histogram: Histogram
        }

        struct Histogram: Decodable, Sendable {
            var edges: [Double]
            var counts: [Int]
        }

        var name: String
        var values: [Double?]
        var expected: Expected
        var testDescription: String { name }
    }

    struct CategoricalCase: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            var top: [Entry]
            var distinct: Int
        }

        struct Entry: Decodable, Sendable {
            var value: String
            var count: Int
        }

        var name: String
        var values: [String]
        var expected: Expected
        var testDescription: String { name }
    }

    static func document() throws -> Document { try FixtureFile.load("describe") }

    @Test("Counts, moments and quantiles match pandas", arguments: try document().numeric)
    func summary(_ reference: NumericCase) throws {
        let present = reference.values.compactMap { $0 }
        let summary = NumericSummary(try SortedSample(present), missing: reference.values.count - present.count)
        let expected = reference.expected
        #expect(summary.count == expected.count)
        #expect(summary.missing == expected.missing)
        #expect(summary.distinct == expected.distinct)
        #expect(agrees(summary.moments.mean, expected.mean, within: tolerance), "mean \(String(describing: summary.moments.mean))")
        #expect(agrees(summary.moments.standardDeviation, expected.std, within: tolerance), "std \(String(describing: summary.moments.standardDeviation))")
        #expect(summary.minimum == expected.min)
        #expect(summary.maximum == expected.max)
        #expect(agrees(summary.moments.skewness, expected.skewness, within: tolerance), "skewness \(String(describing: summary.moments.skewness))")
        #expect(agrees(summary.moments.kurtosis, expected.kurtosis, within: tolerance), "kurtosis \(String(describing: summary.moments.kurtosis))")
        #expect(summary.quantiles.count == expected.quantiles.count)
        for (level, (got, want)) in zip(NumericSummary.quantileLevels, zip(summary.quantiles, expected.quantiles)) {
            #expect(agrees(got, want, within: tolerance), "quantile \(level): got \(got), expected \(want)")
        }
    }

    @Test("Histograms match np.histogram(values, bins=\"sturges\")", arguments: try document().numeric)
    func histogram(_ reference: NumericCase) throws {
        let histogram = Histogram(sturgesOf: try SortedSample(reference.values.compactMap { $0 }))
        #expect(histogram?.counts == reference.expected.histogram.counts)
        let edges = histogram?.edges ?? []
        #expect(edges.count == reference.expected.histogram.edges.count)
        for (got, want) in zip(edges, reference.expected.histogram.edges) {
            #expect(agrees(got, want, within: tolerance), "edge: got \(got), expected \(want)")
        }
    }

    @Test("Top categories come out most frequent first, ties by name", arguments: try document().categorical)
    func categories(_ reference: CategoricalCase) {
        let counts = CategoryCounts(reference.values)
        #expect(counts.distinct == reference.expected.distinct)
        #expect(counts.top(20).map(\.value) == reference.expected.top.map(\.value))
        #expect(counts.top(20).map(\.count) == reference.expected.top.map(\.count))
    }

    @Test("An empty column has counts but no moments, quantiles or histogram")
    func emptyColumn() throws {
        let summary = NumericSummary(try SortedSample([]), missing: 3)
        #expect(summary.count == 0 && summary.missing == 3)
        #expect(summary.moments.mean == nil && summary.quantiles.isEmpty && summary.histogram == nil)
    }

    @Test("NaN is refused with the position of the value")
    func nanRefused() {
        #expect(throws: StatisticsError.nonFiniteValue(sample: "input", index: 1)) {
            try SortedSample([1, .nan, 2])
        }
    }
}
