import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore
import PlexusMonitoring

extension ModelCommand {
    /// `plexus model explain`: SHAP values (or LIME weights) for the rows of a file, written per
    /// row, with the features' mean |value| drawn as bars at the end.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain the predictions of the rows of a CSV or JSON Lines file, with a progress bar, and show which features matter.",
            discussion: """
                tree_shap computes exact SHAP values from the model's trees (a TreeEnsembleClassifier or \
                TreeEnsembleRegressor over its input): probabilities for forests, log-odds for boosted trees, values for \
                regressors. kernel_shap explains any model with one numeric matrix input (class probabilities, or values) \
                as shap's KernelExplainer does: exact when every coalition fits in --nsamples, otherwise sampled with \
                --seed, with a standard error per value (JSON Lines output). lime fits lime's tabular surrogate (quartile \
                bins of the background, --num-samples perturbations seeded by --seed, weighted ridge): its weights, with \
                each output's weighted R² and each feature's bin in JSON Lines output. --background names rows to compare with, such as a sample of the training data; more than \
                --background-rows of them are thinned to that many, evenly spaced through the file. The output has one \
                line per row and output: the base value, the model's output, one SHAP column per feature, and the \
                additivity error (base value + Σ SHAP − output). At the end, each feature's mean |SHAP| is drawn as a bar. \
                With --store the rows (at most 10,000) are explained in one request and kept on the server (more rows than \
                the server answers at once run as a job there, which the command waits for), and the command prints the dashboard page that charts them (mean |SHAP| bars, beeswarm, a waterfall per row, dependence plots).
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The model: ID, name@version or name.") var model: String
        @Option(help: "The rows to explain: a .csv file with a header, or .jsonl.") var input: String
        @Option(help: "Background rows (.csv or .jsonl), such as a sample of the training data.") var background: String
        @Option(help: "The method: tree_shap, kernel_shap or lime.") var method = "tree_shap"
        @Option(help: "interventional (against each background row) or tree_path_dependent (node covers counted from the background).")
        var perturbation = "interventional"
        @Option(help: "tree_shap: raw (the model family's space) or probability (a binary boosted model's log-odds rescaled into probabilities; interventional only).")
        var modelOutput = "raw"
        @Option(help: "The most background rows to send, 1–1000.") var backgroundRows = 100
        @Option(help: "Where to write the values (.csv or .jsonl; default: standard output as CSV).") var output: String?
        @Option(help: "Rows per request, 1–1000.") var batchSize = 100
        @Option(help: "kernel_shap: coalitions per row (default: 2·features + 2048; every one when they fit).") var nsamples: Int?
        @Option(help: "kernel_shap and lime: the seed of the random draws.") var seed = 0
        @Option(help: "lime: perturbed rows per explained row.") var numSamples = 5_000
        @Flag(help: "Keep the explanation on the server (at most 10,000 rows, one request) and print its dashboard page.") var store = false

        func validate() throws {
            for file in [input, background] where !FileManager.default.isReadableFile(atPath: file) {
                throw ValidationError("Cannot read \(file); give a .csv or .jsonl file of rows.")
            }
            guard ["tree_shap", "kernel_shap", "lime"].contains(method) else { throw ValidationError("--method is tree_shap, kernel_shap or lime; got \(method).") }
            guard ["interventional", "tree_path_dependent"].contains(perturbation) else {
                throw ValidationError("--perturbation is interventional or tree_path_dependent; got \(perturbation).")
            }
            guard ["raw", "probability"].contains(modelOutput) else { throw ValidationError("--model-output is raw or probability; got \(modelOutput).") }
            guard (1 ... 1_000).contains(backgroundRows) else { throw ValidationError("--background-rows must be 1–1000; got \(backgroundRows).") }
            guard (1 ... 1_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1–1000; got \(batchSize).") }
        }

        func run() async throws {
            let sample = try await Self.evenSample(of: RecordFileReader(url: URL(fileURLWithPath: background)), count: backgroundRows)
            let writer = try ExplanationWriter(path: output, jsonLines: output.map { $0.lowercased().hasSuffix(".jsonl") } ?? false)
            let isTerminal = isatty(STDERR_FILENO) == 1
            let reader = RecordFileReader(url: URL(fileURLWithPath: input))
            let (model, method, store) = (model, method, store)
            var batchSize = batchSize
            if store {
                var count = 0
                try await reader.forEachBatch(of: 10_000) { rows, _ in count += rows.count }
                guard count <= 10_000 else {
                    throw ValidationError("--store keeps one explanation of at most 10,000 rows; \(input) has \(count). Explain a sample of it with --store, or all of it without.")
                }
                batchSize = 10_000
            }
            var options: [String: JSONValue] = method == "tree_shap"
                ? ["featurePerturbation": .string(perturbation), "modelOutput": .string(modelOutput)] : ["seed": .number(Double(seed))]
            if method == "kernel_shap", let nsamples { options["nsamples"] = .number(Double(nsamples)) }
            if method == "lime" { options["numSamples"] = .number(Double(numSamples)) }
            let settings = method == "tree_shap" ? perturbation : "seed \(seed)"
            let (importance, stored) = try await connection.withClient { client in
                var row = 0
                var stored: String?
                var importance = FeatureImportance(quantity: method == "lime" ? "weight" : "SHAP")
                try await reader.forEachBatch(of: batchSize) { rows, fraction in
                    let explanation = try await client.registeredModels.explain(model, rows: rows, background: sample, method: method, options: options, store: store)
                    stored = explanation.id?.rawValue
                    try writer.write(explanation, firstRow: row)
                    importance.add(explanation)
                    row += rows.count
                    if isTerminal {
                        FileHandle.standardError.write(Data(("\r" + ProgressBar().render(done: Int(fraction * 100), total: 100, detail: "% read, \(row) rows explained")).utf8))
                    }
                }
                if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
                FileHandle.standardError.write(Data("Explained \(row) rows with \(model) (\(method), \(settings), \(sample.count) background rows).\n".utf8))
                return (importance, stored)
            }
            try writer.close()
            FileHandle.standardError.write(Data(importance.chart().utf8))
            if let stored {
                let server = try ConnectionSettings.resolve(apiURL: connection.apiURL, apiKey: connection.apiKey).apiURL
                FileHandle.standardError.write(Data("Stored as explanation \(stored): \(server.trimmingCharacters(in: ["/"]))/explanations/\(stored)\n".utf8))
            }
        }

        /// At most `count` records of the file, evenly spaced through it.
        static func evenSample(of reader: RecordFileReader, count: Int) async throws -> [[String: JSONValue]] {
            var all: [[String: JSONValue]] = []
            try await reader.forEachBatch(of: 10_000) { rows, _ in all += rows }
            guard all.count > count else { return all }
            return (0 ..< count).map { all[$0 * all.count / count] }
        }
    }
}

/// Mean |value| per feature and output over every explained row, drawn as bars.
struct FeatureImportance {
    /// What a value is called: SHAP, or weight for LIME.
    let quantity: String
    private var features: [String] = []
    private var outputs: [String] = []
    private var sums: [[Double]] = []
    private var rows = 0

    init(quantity: String) {
        self.quantity = quantity
    }

    mutating func add(_ explanation: ModelExplanation) {
        if sums.isEmpty {
            features = explanation.features
            outputs = explanation.outputs.map { "\($0.name) (\($0.space))" }
            sums = explanation.outputs.map { _ in Array(repeating: 0, count: explanation.features.count) }
        }
        for (output, means) in explanation.meanAbsoluteValues.enumerated() where output < sums.count {
            for (feature, mean) in means.enumerated() where feature < sums[output].count {
                sums[output][feature] += mean * Double(explanation.rows.count)
            }
        }
        rows += explanation.rows.count
    }

    /// One block per output: features by mean |SHAP|, largest first, with bars scaled to the largest.
    func chart(width: Int = 30) -> String {
        guard rows > 0 else { return "" }
        let nameWidth = features.map(\.count).max() ?? 0
        var text = ""
        for (output, totals) in sums.enumerated() {
            text += "Mean |\(quantity)| for \(outputs[output]) over \(rows) rows:\n"
            let means = totals.map { $0 / Double(rows) }
            let largest = means.max() ?? 0
            for feature in means.indices.sorted(by: { means[$0] > means[$1] }) {
                let length = largest > 0 ? Int((means[feature] / largest * Double(width)).rounded()) : 0
                text += "  " + features[feature].padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + String(repeating: "█", count: length) + String(repeating: " ", count: width - length) + "  " + String(format: "%.6g", means[feature]) + "\n"
            }
        }
        return text
    }
}

/// Writes explanations as CSV (row, output, base value, model output, one `shap_` column per
/// feature, or `weight_` for LIME, and the additivity error) or JSON Lines (one object per row).
final class ExplanationWriter {
    private let handle: FileHandle
    private let jsonLines: Bool
    private var wroteHeader = false
    private static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(path: String?, jsonLines: Bool) throws {
        self.jsonLines = jsonLines
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ValidationError("Cannot write \(path).") }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } else {
            handle = FileHandle.standardOutput
        }
    }

    func write(_ explanation: ModelExplanation, firstRow: Int) throws {
        // LIME gives a surrogate's weights; the SHAP methods give SHAP values.
        let quantity = explanation.method == "lime" ? "weight" : "shap"
        var text = ""
        if !jsonLines, !wroteHeader {
            text += (["row", "output", "space", "base_value", "model_output"] + explanation.features.map { "\(quantity)_\($0)" } + ["additivity_error"])
                .map(Self.quoted).joined(separator: ",") + "\n"
            wroteHeader = true
        }
        for (offset, row) in explanation.rows.enumerated() {
            if jsonLines {
                let outputs: [JSONValue] = explanation.outputs.indices.map { output in
                    var entry: [String: JSONValue] = [
                        "name": .string(explanation.outputs[output].name), "space": .string(explanation.outputs[output].space),
                        "baseValue": .number(explanation.baseValues[output]), "value": .number(row.outputs[output]),
                        quantity == "weight" ? "weights" : "shap": .object(Dictionary(uniqueKeysWithValues: zip(explanation.features, row.values[output].map(JSONValue.number)))),
                    ]
                    if let errors = row.standardErrors?[output] {
                        entry["standardErrors"] = .object(Dictionary(uniqueKeysWithValues: zip(explanation.features, errors.map(JSONValue.number))))
                    }
                    if let intercept = row.intercepts?[output], let score = row.scores?[output] {
                        entry["intercept"] = .number(intercept)
                        entry["score"] = .number(score)
                    }
                    return .object(entry)
                }
                var line: [String: JSONValue] = ["row": .number(Double(firstRow + offset)), "outputs": .array(outputs), "additivityError": .number(row.additivityError)]
                if let conditions = row.conditions { line["conditions"] = .array(conditions.map(JSONValue.string)) }
                text += String(decoding: try Self.lineEncoder.encode(JSONValue.object(line)), as: UTF8.self) + "\n"
                continue
            }
            for output in explanation.outputs.indices {
                let cells = [String(firstRow + offset), explanation.outputs[output].name, explanation.outputs[output].space,
                             explanation.baseValues[output].plainText, row.outputs[output].plainText]
                    + row.values[output].map(\.plainText) + [row.additivityError.plainText]
                text += cells.map(Self.quoted).joined(separator: ",") + "\n"
            }
        }
        handle.write(Data(text.utf8))
    }

    func close() throws {
        if handle !== FileHandle.standardOutput { try handle.close() }
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
