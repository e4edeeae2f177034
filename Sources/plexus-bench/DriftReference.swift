import Foundation

/// Runs scripts/bench/drift_reference.py: writes the benchmark's frames and, unless told not to,
/// times Evidently's DataDriftPreset on them.
struct DriftReference {
    /// What the script prints.
    struct Result: Decodable {
        /// One column's verdict as Evidently's ValueDrift metric reports it.
        struct Verdict: Decodable {
            let method: String
            let score: Double
            let threshold: Double
        }

        let rows: Int
        let columns: [String]
        let evidentlySeconds: Double?
        let evidently: [String: Verdict]?
        let evidentlyVersion: String?
    }

    let python: String
    let script: String

    /// Writes frames of `rows` rows into `folder` and, with `evidently`, times the preset on them.
    func run(rows: Int, folder: URL, evidently: Bool) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--rows", String(rows), "--out", folder.path] + (evidently ? [] : ["--no-evidently"])
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw BenchError.setup("could not start \(python) (\(error)); pass --python with a Python that has numpy, pandas and evidently")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.setup("\(python) \(script) exited with status \(process.terminationStatus); its error is above")
        }
        do {
            return try JSONDecoder().decode(Result.self, from: data)
        } catch {
            throw BenchError.setup("\(script) printed \(String(decoding: data, as: UTF8.self)), not its JSON result")
        }
    }

    /// The frame the script wrote as `name`.f64: `columns` columns of `rows` float64 values each.
    static func readFrame(_ folder: URL, _ name: String, rows: Int, columns: Int) throws -> [[Double]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).f64"))
        guard data.count == rows * columns * 8 else {
            throw BenchError.setup("\(name).f64 holds \(data.count) bytes, not \(rows) × \(columns) doubles")
        }
        return data.withUnsafeBytes { raw in
            let values = raw.bindMemory(to: Double.self)
            return (0 ..< columns).map { Array(values[$0 * rows ..< ($0 + 1) * rows]) }
        }
    }
}
