import Foundation
import PlexusMonitoring
import PlexusStats
import Testing

/// Uploads CSV files through the whole ingest path and compares each column's profile with what
/// pandas reads from the same text (`scripts/reference/dataset_fixtures.py`).
@Suite("Dataset profiles agree with pandas.read_csv")
struct DatasetFixtureTests {
    /// Statistics agree with pandas to this (relative once a value exceeds 1).
    private let tolerance = 1e-9

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Column: Decodable, Sendable {
            struct Entry: Decodable, Sendable {
                var value: String
                var count: Int
            }

            var name: String
            var count: Int, missing: Int, distinct: Int
            var mean: Double?, std: Double?, min: Double?, max: Double?
            var quantiles: [Double]?
            var skewness: Double?, kurtosis: Double?
            var top: [Entry]?
        }

        var name: String
        var csv: String
        var rows: Int
        var columns: [Column]
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        struct File: Decodable { var cases: [Case] }
        guard let url = Bundle.module.url(forResource: "datasets", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    private func close(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): true
        case let (a?, e?): abs(a - e) <= tolerance * max(1, abs(e))
        default: false
        }
    }

    @Test("Every column's counts and statistics match pandas, sorted in memory or spilled to disk in short runs",
          arguments: try cases(), [ColumnProfileBuilder.sortRunLength, 100])
    func profiles(_ reference: Case, runLength: Int) async throws {
        var ingest = DatasetIngest(format: .csv, chunkRows: 128)
        var chunks: [DatasetChunk] = []
        let bytes = Array(reference.csv.utf8)
        for start in stride(from: 0, to: bytes.count, by: 1000) {
            chunks += try ingest.feed(bytes[start ..< min(start + 1000, bytes.count)])
        }
        let (last, summary) = try ingest.finish()
        chunks += last
        #expect(summary.rowCount == reference.rows)
        #expect(summary.badRowCount == 0)
        #expect(summary.columns.map(\.name) == reference.columns.map(\.name))
        for (index, expected) in reference.columns.enumerated() {
            let own = chunks.filter { $0.column == index }
            let profile = try await ProfiledColumn.read(summary.columns[index], rowCount: summary.rowCount, runLength: runLength) { from in
                Array(own.dropFirst(from).prefix(16))
            }.profile
            let name = expected.name
            #expect(profile.count == expected.count, "\(name): count")
            #expect(profile.missing == expected.missing, "\(name): missing")
            #expect(profile.distinct == expected.distinct, "\(name): distinct")
            if let top = expected.top {
                #expect(profile.top.map(\.value) == top.map(\.value), "\(name): top values")
                #expect(profile.top.map(\.count) == top.map(\.count), "\(name): top counts")
                continue
            }
            let numeric = try #require(profile.numeric, "\(name) should read as numeric, not \(profile.type)")
            #expect(close(numeric.moments.mean, expected.mean), "\(name): mean \(String(describing: numeric.moments.mean))")
            #expect(close(numeric.moments.standardDeviation, expected.std), "\(name): std")
            #expect(close(numeric.minimum, expected.min) && close(numeric.maximum, expected.max), "\(name): range")
            #expect(close(numeric.moments.skewness, expected.skewness), "\(name): skewness")
            #expect(close(numeric.moments.kurtosis, expected.kurtosis), "\(name): kurtosis")
            for (got, want) in zip(numeric.quantiles, expected.quantiles ?? []) {
                #expect(close(got, want), "\(name): quantile \(got) vs \(want)")
            }
        }
    }
}
