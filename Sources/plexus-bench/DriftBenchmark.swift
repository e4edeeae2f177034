import ArgumentParser
import Foundation
import PlexusStats

/// `plexus-bench drift`: Plexus's dataset drift check against Evidently's DataDriftPreset on the
/// same frames, in the same run.
struct DriftBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Time Plexus's drift check and Evidently's DataDriftPreset on the same frames.",
        discussion: """
        For each row count, scripts/bench/drift_reference.py writes a reference and a current frame \
        (20 columns: 18 numeric, 2 categorical, some shifted) and times Evidently on them; Plexus then \
        checks the same frames with Evidently's default tests. Prints both times, the ratio, whether \
        every column's verdict agrees, and the time to check one window against stored reference \
        statistics. Targets: at least 20× faster than Evidently at 100,000 rows; 1,000,000 rows × 20 \
        in under 10 s.
        """
    )

    @Option(help: "Row counts of the reference and current frames, comma-separated.")
    var rows = "100000,1000000"

    @Option(help: "Evidently runs only up to this many rows (it did not finish 1,000,000 in 2 minutes here).")
    var evidentlyMaxRows = 100_000

    @Option(help: "The Python with numpy, pandas and evidently.")
    var python = ".venv/bin/python"

    @Option(help: "The reference script.")
    var referenceScript = "scripts/bench/drift_reference.py"

    func run() async throws {
        let counts = try rows.split(separator: ",").map { part -> Int in
            guard let count = Int(part.trimmingCharacters(in: .whitespaces)), count > 1 else {
                throw ValidationError("--rows takes row counts above 1, such as 100000,1000000; got '\(part)'")
            }
            return count
        }
        let reference = DriftReference(python: python, script: referenceScript)
        for count in counts {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-drift-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let evidently = try reference.run(rows: count, folder: folder, evidently: count <= evidentlyMaxRows)
            try measure(evidently, folder: folder)
        }
    }

    private func measure(_ evidently: DriftReference.Result, folder: URL) throws {
        let rows = evidently.rows, names = evidently.columns
        let referenceFrame = try DriftReference.readFrame(folder, "reference", rows: rows, columns: names.count)
        let currentFrame = try DriftReference.readFrame(folder, "current", rows: rows, columns: names.count)
        var generator = SystemRandomNumberGenerator()
        let clock = ContinuousClock()
        // The whole check from raw columns, as Evidently is timed: sort or count both sides, then test.
        var drift: DatasetDrift?
        let whole = try clock.measure {
            let columns = try names.indices.map { index in
                (name: names[index], reference: try Self.column(referenceFrame[index], name: names[index]),
                 current: try Self.column(currentFrame[index], name: names[index]))
            }
            drift = try DatasetDrift(columns: columns, using: &generator)
        }
        // A window against a stored reference: the reference's sorted values and counts exist already.
        let stored = try names.indices.map { try Self.column(referenceFrame[$0], name: names[$0]) }
        let window = try clock.measure {
            let columns = try names.indices.map { index in
                (name: names[index], reference: stored[index], current: try Self.column(currentFrame[index], name: names[index]))
            }
            _ = try DatasetDrift(columns: columns, using: &generator)
        }
        guard let drift else { return }
        var line = "\(rows) rows × \(names.count) columns: Plexus \(Self.format(whole)) (a window against stored reference statistics \(Self.format(window))); \(drift.driftedCount) of \(names.count) columns drifted"
        if let seconds = evidently.evidentlySeconds, let verdicts = evidently.evidently {
            let disagreements = drift.columns.filter { column in
                guard let verdict = verdicts[column.name], let method = Self.method(named: verdict.method) else { return true }
                return method != column.result.method || method.drifted(score: verdict.score, threshold: verdict.threshold) != column.result.drifted
            }
            let plexusSeconds = Double(whole.components.attoseconds) / 1e18 + Double(whole.components.seconds)
            line += String(format: "; Evidently %@ %.2f s; Plexus is %.0f× faster; ", evidently.evidentlyVersion ?? "", seconds, seconds / plexusSeconds)
            line += disagreements.isEmpty ? "every column's method and verdict agree" : "verdicts differ on \(disagreements.map(\.name).joined(separator: ", "))"
        }
        print(line)
    }

    /// A column of the frames: codes of the two categorical columns (named c…) as categories.
    private static func column(_ values: [Double], name: String) throws -> DriftColumn {
        if name.hasPrefix("c") {
            var counts: [Int: Int] = [:]
            for value in values { counts[Int(value), default: 0] += 1 }
            return .categorical(CategoryCounts(counts: Dictionary(uniqueKeysWithValues: counts.map { ("\($0.key)", $0.value) })))
        }
        return .numeric(try SortedSample(values, name: name))
    }

    /// The Plexus method for the display name Evidently's ValueDrift reports.
    private static func method(named display: String) -> DriftMethod? {
        switch display {
        case "K-S p_value": .ks
        case "Wasserstein distance (normed)": .wasserstein
        case "Jensen-Shannon distance": .jensenShannon
        case "chi-square p_value": .chiSquare
        case "Z-test p_value": .z
        default: nil
        }
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
