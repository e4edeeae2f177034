import Foundation

/// Runs scripts/bench/scoring_reference.py (scikit-learn) on the benchmark's corpus.
struct ScoringReference {
    /// What the script prints.
    struct Result: Decodable {
        let items: Int
        let seconds: Double
        let itemsPerSecond: Double
        let vocabulary: Int
        let fitSeconds: Double

        enum CodingKeys: String, CodingKey {
            case items, seconds, vocabulary
            case itemsPerSecond = "items_per_second"
            case fitSeconds = "fit_seconds"
        }
    }

    let python: String
    let script: String

    /// Fits on the first `training` lines of `corpus`, times the rest, and writes its labels to `predictions`.
    func run(corpus: URL, training: Int, predictions: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--corpus", corpus.path, "--train", String(training), "--predictions", predictions.path]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw BenchError.setup("could not start \(python) (\(error)); pass --python with a Python that has scikit-learn, or --skip-reference")
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
}
