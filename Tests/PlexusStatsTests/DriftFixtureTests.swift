import PlexusStats
import Testing

/// Drift scores and verdicts against Evidently 0.7 and SciPy (`scripts/reference/drift_fixtures.py`).
@Suite("Drift statistics agree with Evidently and SciPy")
struct DriftFixtureTests {
    /// Scores and distances agree with the references to this (relative once a value exceeds 1).
    private let tolerance = 1e-9

    /// A column as the fixture stores it: numbers, or category names.
    enum Values: Decodable, Sendable {
        case numbers([Double])
        case names([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let numbers = try? container.decode([Double].self) {
                self = .numbers(numbers)
            } else {
                self = .names(try container.decode([String].self))
            }
        }

        func column(categorical: Bool) throws -> DriftColumn {
            switch self {
            case let .numbers(numbers) where categorical: .categorical(CategoryCounts(numbers.map { "\($0)" }))
            case let .numbers(numbers): .numeric(try SortedSample(numbers))
            case let .names(names): .categorical(CategoryCounts(names))
            }
        }
    }

    struct Verdict: Decodable, Sendable {
        var score: Double
        var drifted: Bool
        var threshold: Double
    }

    struct Pair: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var kind: String
        var reference: Values
        var current: Values
        var evidently: [String: Verdict]
        var evidentlyDefault: String
        var scipy: [String: Double]
        var testDescription: String { name }

        func columns() throws -> (DriftColumn, DriftColumn) {
            (try reference.column(categorical: kind == "categorical"), try current.column(categorical: kind == "categorical"))
        }
    }

    struct FrameColumn: Decodable, Sendable {
        var name: String
        var method: String
        var threshold: Double
        var score: Double
        var drifted: Bool
    }

    struct Frame: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var numeric: [String]
        var categorical: [String]
        var reference: [String: Values]
        var current: [String: Values]
        var columns: [FrameColumn]
        var driftedCount: Int
        var share: Double
        var datasetDrifted: Bool
        var adjustedPValues: [String: Double]
        var testDescription: String { name }

        func drift() throws -> DatasetDrift {
            var generator = SeededGenerator(seed: 7)
            let columns = try (numeric + categorical).map { name in
                let categorical = self.categorical.contains(name)
                let reference = try #require(reference[name]), current = try #require(current[name])
                return (name: name, reference: try reference.column(categorical: categorical), current: try current.column(categorical: categorical))
            }
            return try DatasetDrift(columns: columns, using: &generator)
        }
    }

    struct Document: Decodable {
        var pairs: [Pair]
        var frames: [Frame]
    }

    static func document() throws -> Document { try FixtureFile.load("drift") }

    @Test("Every method's score and verdict match Evidently's stat test", arguments: try document().pairs)
    func methods(_ pair: Pair) throws {
        let (reference, current) = try pair.columns()
        var generator = SeededGenerator(seed: 1)
        for (name, verdict) in pair.evidently.sorted(by: { $0.key < $1.key }) {
            let method = try #require(DriftMethod(rawValue: name), "unknown method \(name)")
            let result = try ColumnDrift.detect(reference: reference, current: current, options: .init(method: method), using: &generator)
            #expect(agrees(result.score, verdict.score, within: tolerance), "\(name): score \(result.score), Evidently \(verdict.score)")
            #expect(result.drifted == verdict.drifted, "\(name): drifted \(result.drifted), Evidently \(verdict.drifted)")
            #expect(result.threshold == verdict.threshold, "\(name): threshold")
        }
    }

    @Test("The default method is the one DataDriftPreset picks", arguments: try document().pairs)
    func defaultMethod(_ pair: Pair) throws {
        let (reference, current) = try pair.columns()
        #expect(DriftMethod.evidentlyDefault(reference: reference, current: current).rawValue == pair.evidentlyDefault)
    }

    @Test("Distances match SciPy", arguments: try document().pairs)
    func scipyDistances(_ pair: Pair) throws {
        let (reference, current) = try pair.columns()
        var generator = SeededGenerator(seed: 1)
        let base2 = try ColumnDrift.detect(
            reference: reference, current: current, options: .init(method: .jensenShannon, jensenShannonBase: 2), using: &generator
        )
        #expect(agrees(base2.score, pair.scipy["jensenShannonBase2"], within: tolerance), "JS base 2: \(base2.score)")
        if case let .numeric(u) = reference, case let .numeric(v) = current {
            #expect(agrees(try CDFDistance.wasserstein(u, v), pair.scipy["wasserstein"], within: tolerance))
            #expect(agrees(try CDFDistance.energy(u, v), pair.scipy["energy"], within: tolerance))
        } else {
            let tvd = try ColumnDrift.detect(reference: reference, current: current, options: .init(method: .totalVariation), using: &generator)
            #expect(agrees(tvd.score, pair.scipy["totalVariation"], within: tolerance), "TVD: \(tvd.score)")
        }
    }

    @Test("DataDriftPreset's column table and dataset verdict are reproduced", arguments: try document().frames)
    func frames(_ frame: Frame) throws {
        let drift = try frame.drift()
        #expect(drift.columns.map(\.name) == frame.columns.map(\.name))
        for (got, want) in zip(drift.columns, frame.columns) {
            #expect(got.result.method.rawValue == want.method, "\(want.name): method")
            #expect(got.result.threshold == want.threshold, "\(want.name): threshold")
            #expect(agrees(got.result.score, want.score, within: tolerance), "\(want.name): score \(got.result.score), Evidently \(want.score)")
            #expect(got.result.drifted == want.drifted, "\(want.name): drifted")
        }
        #expect(drift.driftedCount == frame.driftedCount)
        #expect(agrees(drift.share, frame.share, within: 1e-15))
        #expect(drift.drifted == frame.datasetDrifted)
    }

    @Test("Adjusted p-values match statsmodels' fdr_bh", arguments: try document().frames)
    func benjaminiHochberg(_ frame: Frame) throws {
        let drift = try frame.drift()
        for column in drift.columns {
            #expect(agrees(column.result.adjustedPValue, frame.adjustedPValues[column.name], within: tolerance), "\(column.name)")
        }
    }
}
