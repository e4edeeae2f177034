import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore
import PlexusMonitoring

/// `plexus model upload|list|get|predict|explain|delete`.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Upload ONNX models, predict with them, and explain their predictions.",
        discussion: """
            A model is checked when it is uploaded (every operator must be one Plexus runs) and kept in the server's \
            database; uploading the same name again makes the next version. Name a model by its ID, by name@version, \
            or by name (the newest version).
            """,
        subcommands: [Upload.self, List.self, Get.self, Predict.self, Explain.self, Importance.self, Delete.self])

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upload an .onnx file as the next version of a model, and print what was stored.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The .onnx file.") var file: String
        @Option(help: "The model's name (default: the file's name without .onnx).") var name: String?
        @Option(help: "What the model is.") var description: String?
        @Option(help: "The column names of a single matrix input, comma-separated, so rows can name their features.") var features: String?
        @Flag(help: "Print the stored version as JSON.") var json = false

        func validate() throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("Cannot read \(file); give the path of an .onnx file.") }
        }

        func run() async throws {
            let bar = UploadProgressBar()
            let names = features.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let model = try await connection.withClient { client in
                try await client.registeredModels.upload(
                    file: URL(fileURLWithPath: file), name: name, description: description, features: names, progress: { bar.show(sent: $0, total: $1) })
            }
            bar.finish()
            if json { return try Output.json(model) }
            print("Stored \(model.name) version \(model.version) as \(model.id.rawValue) (\(model.producer), \(model.byteCount) bytes).")
            ModelCommand.describe(model)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's model versions, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many to show, 1–1000.") var limit = 100

        func run() async throws {
            let page = try await connection.withClient { try await $0.registeredModels.list(limit: limit) }
            Output.table(["ID", "NAME", "VERSION", "INPUTS", "OPERATORS", "PRODUCER", "CREATED"], page.data.map { model in
                [model.id.rawValue, model.name, String(model.version), model.inputs.map(\.name).joined(separator: ","),
                 model.operators.map(\.operatorType).joined(separator: ","), model.producer, model.createdAt.formatted(.iso8601)]
            })
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a model version: inputs, outputs, operators and metadata.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The model: ID, name@version or name.") var model: String
        @Flag(help: "Print it as JSON.") var json = false

        func run() async throws {
            let found = try await connection.withClient { try await $0.registeredModels.get(model) }
            if json { return try Output.json(found) }
            print("\(found.name) version \(found.version) (\(found.id.rawValue)): \(found.producer), IR \(found.irVersion), sha256 \(found.sha256)")
            if let description = found.description { print(description) }
            ModelCommand.describe(found)
        }
    }

    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Predict the rows of a CSV or JSON Lines file, with a progress bar, and write one prediction per row.",
            discussion: """
                Each row's columns name the model's features: the columns given as --features at upload, or the model's \
                inputs. Empty cells and NA are missing values. The output has the row number, the label and one \
                probability column per class (or the value, for a regression), as CSV, or as JSON Lines when the output \
                file ends in .jsonl.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The model: ID, name@version or name.") var model: String
        @Option(help: "The rows: a .csv file with a header, or .jsonl.") var input: String
        @Option(help: "Where to write the predictions (.csv or .jsonl; default: standard output as CSV).") var output: String?
        @Option(help: "Rows per request, 1–10000.") var batchSize = 1_000

        func validate() throws {
            guard FileManager.default.isReadableFile(atPath: input) else { throw ValidationError("Cannot read \(input); give a .csv or .jsonl file of rows.") }
            guard (1 ... 10_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1–10000; got \(batchSize).") }
        }

        func run() async throws {
            let jsonLines = output.map { $0.lowercased().hasSuffix(".jsonl") } ?? false
            let writer = try PredictionWriter(path: output, jsonLines: jsonLines)
            let isTerminal = isatty(STDERR_FILENO) == 1
            let reader = RecordFileReader(url: URL(fileURLWithPath: input))
            let (model, batchSize) = (model, batchSize)
            try await connection.withClient { client in
                var row = 0
                try await reader.forEachBatch(of: batchSize) { rows, fraction in
                    let prediction = try await client.registeredModels.predict(model, rows: rows)
                    try writer.write(prediction.predictions, firstRow: row)
                    row += rows.count
                    if isTerminal {
                        FileHandle.standardError.write(Data(("\r" + ProgressBar().render(done: Int(fraction * 100), total: 100, detail: "% read, \(row) rows predicted")).utf8))
                    }
                }
                if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
                FileHandle.standardError.write(Data("Predicted \(row) rows with \(model).\n".utf8))
            }
            try writer.close()
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a model version (by ID or name@version), or every version of a name.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The model: ID, name@version or name.") var model: String

        func run() async throws {
            let deleted = try await connection.withClient { try await $0.registeredModels.delete(model) }
            for version in deleted { print("Deleted \(version.name) version \(version.version) (\(version.id.rawValue)).") }
        }
    }

    /// Prints a version's inputs, outputs and operators as tables.
    static func describe(_ model: RegisteredModel) {
        Output.table(["", "NAME", "KIND", "TYPE", "SHAPE"], model.inputs.map { ["input", $0.name, $0.kind, $0.elementType ?? "", ($0.shape ?? []).joined(separator: "×")] }
            + model.outputs.map { ["output", $0.name, $0.kind, $0.elementType ?? "", ($0.shape ?? []).joined(separator: "×")] })
        if let features = model.features { print("Features: \(features.joined(separator: ", "))") }
        print("Operators: " + model.operators.map { "\($0.operatorType)\($0.nodes > 1 ? " ×\($0.nodes)" : "")" }.joined(separator: ", "))
    }
}

/// Writes predictions as CSV (row, label, one column per class probability, or value) or JSON Lines.
final class PredictionWriter {
    private let handle: FileHandle
    private let jsonLines: Bool
    private var columns: [String]?
    /// One JSON object per line, keys in order.
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

    func write(_ predictions: [JSONValue], firstRow: Int) throws {
        var text = ""
        for (offset, prediction) in predictions.enumerated() {
            if jsonLines {
                var object = prediction.objectValue ?? [:]
                object["row"] = .number(Double(firstRow + offset))
                text += String(decoding: try Self.lineEncoder.encode(JSONValue.object(object)), as: UTF8.self) + "\n"
                continue
            }
            let cells = Self.cells(prediction)
            if columns == nil {
                columns = cells.map(\.name)
                text += (["row"] + cells.map(\.name)).map(Self.quoted).joined(separator: ",") + "\n"
            }
            let byName = Dictionary(cells.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            text += ([String(firstRow + offset)] + (columns ?? []).map { byName[$0] ?? "" }).map(Self.quoted).joined(separator: ",") + "\n"
        }
        handle.write(Data(text.utf8))
    }

    func close() throws {
        if handle !== FileHandle.standardOutput { try handle.close() }
    }

    /// A prediction's CSV columns: label, then p_<class> per probability, or value.
    private static func cells(_ prediction: JSONValue) -> [(name: String, value: String)] {
        var cells: [(String, String)] = []
        if let label = prediction["label"] { cells.append(("label", text(label))) }
        switch prediction["probabilities"] {
        case let .array(values)?: for (index, value) in values.enumerated() { cells.append(("p_\(index)", text(value))) }
        case let .object(byClass)?: for key in byClass.keys.sorted() { cells.append(("p_\(key)", text(byClass[key] ?? .null))) }
        default: break
        }
        if let value = prediction["value"] { cells.append(("value", text(value))) }
        return cells
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): text
        case let .number(number): number.plainText
        case let .bool(flag): flag ? "true" : "false"
        default: ""
        }
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
