import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore
import PlexusMonitoring

extension ModelCommand {
    /// `plexus model importance`: scikit-learn's permutation importance of each feature, from rows
    /// of a file whose target column holds the true labels or values, drawn as bars.
    struct Importance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the features by permutation importance: how much the score drops when each one's column is shuffled.",
            discussion: """
                Reads the rows of a CSV (with a header) or JSON Lines file, takes --target as the true label (classifiers) \
                or value (regressors) of each row and the other columns as the model's features, and has the server compute \
                scikit-learn's permutation_importance: the baseline score, then each feature's column shuffled --repeats \
                times with shuffles seeded by --seed. Prints each feature's mean drop ± its standard deviation, largest \
                first, with a bar. At most 10,000 rows.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The model: ID, name@version or name.") var model: String
        @Option(help: "The rows to score: a .csv file with a header, or .jsonl.") var input: String
        @Option(help: "The column holding each row's true label or value.") var target: String
        @Option(help: "accuracy, balanced_accuracy, r2, neg_mean_squared_error or neg_mean_absolute_error (default: accuracy for classifiers, r2 for regressors).")
        var scoring: String?
        @Option(help: "How many times each column is shuffled, 1–100.") var repeats = 5
        @Option(help: "The seed of the shuffles.") var seed = 0

        func validate() throws {
            guard FileManager.default.isReadableFile(atPath: input) else { throw ValidationError("Cannot read \(input); give a .csv or .jsonl file of rows.") }
            guard (1 ... 100).contains(repeats) else { throw ValidationError("--repeats must be 1–100; got \(repeats).") }
            guard seed >= 0 else { throw ValidationError("--seed must be 0 or more; got \(seed).") }
        }

        func run() async throws {
            var rows: [[String: JSONValue]] = []
            try await RecordFileReader(url: URL(fileURLWithPath: input)).forEachBatch(of: 10_000) { batch, _ in rows += batch }
            guard rows.count <= 10_000 else { throw ValidationError("\(input) has \(rows.count) rows; permutation importance takes at most 10,000 (a sample is as telling).") }
            var targets: [JSONValue] = []
            for (index, row) in rows.enumerated() {
                guard let value = row[target], value != .null else {
                    throw ValidationError("Row \(index + 1) of \(input) has no '\(target)'; --target names the column of true labels or values.")
                }
                targets.append(value)
                rows[index][target] = nil
            }
            let (model, scoring, repeats, seed) = (model, scoring, repeats, seed)
            let answer = try await connection.withClient { client in
                try await client.registeredModels.importance(model, rows: rows, targets: targets, scoring: scoring, repeats: repeats, seed: seed)
            }
            print(Self.chart(answer))
        }

        /// The features by mean drop, largest first, each with its spread and a bar scaled to the largest.
        static func chart(_ answer: ModelImportance, width: Int = 30) -> String {
            let nameWidth = answer.features.map(\.count).max() ?? 0
            let largest = answer.importancesMean.max() ?? 0
            var text = "Permutation importance of \(answer.model.name) v\(answer.model.version): \(answer.scoring) \(String(format: "%.6g", answer.baseline)) on \(answer.rows) rows, "
                + "each column shuffled \(answer.repeats) times (seed \(answer.seed)). Mean drop ± standard deviation:\n"
            for feature in answer.importancesMean.indices.sorted(by: { answer.importancesMean[$0] > answer.importancesMean[$1] }) {
                let mean = answer.importancesMean[feature]
                let length = largest > 0 ? max(0, Int((mean / largest * Double(width)).rounded())) : 0
                text += "  " + answer.features[feature].padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + String(repeating: "█", count: length) + String(repeating: " ", count: width - length)
                    + "  " + String(format: "%.4g ± %.2g", mean, answer.importancesStd[feature]) + "\n"
            }
            return text
        }
    }
}
